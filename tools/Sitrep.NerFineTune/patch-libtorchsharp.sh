#!/usr/bin/env bash
# LibTorchSharp.so from TorchSharp 0.107 is built with GCC 13 and asks libstdc++ for GLIBCXX_3.4.32 for one symbol,
# std::ios_base_library_init() (GCC 13's iostream start-up hook). Debian 12 ships GCC 12's libstdc++ (3.4.30). This makes
# that version reference weak, unversions the symbol and supplies it from a two-line shim, in the build output only.
# Usage: patch-libtorchsharp.sh BUILD_OUTPUT_DIR   (needs g++, patchelf and python3)
set -euo pipefail
out=$1
native="$out/runtimes/linux-x64/native"
lib="$native/libLibTorchSharp.so"
if ! ldd "$lib" 2>&1 | grep -q "GLIBCXX_3.4.32' not found"; then echo "libLibTorchSharp.so loads as it is"; exit 0; fi
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
printf '#include <ios>\nnamespace std { void ios_base_library_init() { static ios_base::Init init; } }\n' > "$tmp/shim.cpp"
g++ -shared -fPIC -O2 -o "$native/libiosinit.so" "$tmp/shim.cpp"
patchelf --clear-symbol-version _ZSt21ios_base_library_initv "$lib"
patchelf --add-needed libiosinit.so "$lib"
patchelf --set-rpath '$ORIGIN' "$lib"
python3 "$here/weaken-glibcxx-version.py" "$lib"
echo "patched $lib"
