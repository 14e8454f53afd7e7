#!/usr/bin/env python3
import struct,sys
# Marks libLibTorchSharp.so's need for GLIBCXX_3.4.32 weak (VER_FLG_WEAK in its .gnu.version_r entry), so that
# Debian 12's libstdc++ (3.4.30) loads it; see patch-libtorchsharp.sh, which supplies the one symbol it wanted.
p=sys.argv[1]; b=bytearray(open(p,'rb').read())
shoff,=struct.unpack_from('<Q',b,0x28); shentsize,shnum,shstrndx=struct.unpack_from('<HHH',b,0x3A)
secs=[struct.unpack_from('<IIQQQQIIQQ',b,shoff+i*shentsize) for i in range(shnum)]
vr=[s for s in secs if s[1]==0x6ffffffe][0]; dynstr=secs[vr[6]]
def s(off):
    o=dynstr[4]+off; e=b.index(0,o); return b[o:e].decode()
off=vr[4]
for _ in range(vr[7]):
    ver,cnt,file,aux,nxt=struct.unpack_from('<HHIII',b,off)
    a=off+aux
    for _ in range(cnt):
        h,fl,other,name,an=struct.unpack_from('<IHHII',b,a)
        if s(name)=='GLIBCXX_3.4.32':
            struct.pack_into('<H',b,a+4,fl|2); print('weakened',s(file),s(name))
        a+=an
    if nxt==0: break
    off+=nxt
open(p,'wb').write(b)
