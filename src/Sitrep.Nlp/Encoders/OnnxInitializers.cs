namespace Sitrep.Nlp.Encoders;

/// <summary>
/// Reads the float initializers (the weights) of an ONNX model. ONNX files are protobuf messages: ModelProto.graph (field 7)
/// holds GraphProto.initializer (field 5) TensorProtos with dims (1), data_type (2; 1 = float), name (8) and raw_data (9)
/// or float_data (4). Only the wire format is needed, so no protobuf library is pulled in.
/// </summary>
public static class OnnxInitializers
{
    public static Dictionary<string, MiniLmTensor> Read(byte[] model)
    {
        var result = new Dictionary<string, MiniLmTensor>(StringComparer.Ordinal);
        foreach (var (field, graph) in LengthDelimited(model))
        {
            if (field != 7) continue;
            foreach (var (gfield, tensor) in LengthDelimited(graph))
            {
                if (gfield != 5) continue;
                var t = ReadTensor(tensor);
                if (t is not null) result[t.Name] = t;
            }
        }
        return result;
    }

    private static MiniLmTensor? ReadTensor(ReadOnlyMemory<byte> bytes)
    {
        var dims = new List<long>();
        long dataType = 0;
        string name = "";
        ReadOnlyMemory<byte> raw = default;
        var floats = new List<float>();
        var span = bytes.Span;
        int i = 0;
        while (i < span.Length)
        {
            ulong key = Varint(span, ref i);
            int field = (int)(key >> 3), wire = (int)(key & 7);
            switch (wire)
            {
                case 0:
                    ulong v = Varint(span, ref i);
                    if (field == 1) dims.Add((long)v);
                    else if (field == 2) dataType = (long)v;
                    break;
                case 2:
                    int len = (int)Varint(span, ref i);
                    var slice = bytes.Slice(i, len);
                    if (field == 8) name = System.Text.Encoding.UTF8.GetString(slice.Span);
                    else if (field == 9) raw = slice;
                    else if (field == 1) { int j = 0; while (j < len) dims.Add((long)Varint(slice.Span, ref j)); }
                    else if (field == 4) for (int j = 0; j + 4 <= len; j += 4) floats.Add(BitConverter.ToSingle(slice.Span.Slice(j, 4)));
                    i += len;
                    break;
                case 5:
                    if (field == 4) floats.Add(BitConverter.ToSingle(span.Slice(i, 4)));
                    i += 4;
                    break;
                case 1: i += 8; break;
                default: throw new InvalidDataException($"Unexpected protobuf wire type {wire} in an ONNX tensor.");
            }
        }
        if (dataType != 1) return null;
        float[] values = raw.Length > 0 ? System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(raw.Span).ToArray() : [.. floats];
        return new MiniLmTensor(name, [.. dims], values);
    }

    private static IEnumerable<(int Field, ReadOnlyMemory<byte> Bytes)> LengthDelimited(ReadOnlyMemory<byte> message)
    {
        int i = 0;
        var list = new List<(int, ReadOnlyMemory<byte>)>();
        var span = message.Span;
        while (i < span.Length)
        {
            ulong key = Varint(span, ref i);
            int field = (int)(key >> 3), wire = (int)(key & 7);
            switch (wire)
            {
                case 0: Varint(span, ref i); break;
                case 1: i += 8; break;
                case 5: i += 4; break;
                case 2:
                    int len = (int)Varint(span, ref i);
                    list.Add((field, message.Slice(i, len)));
                    i += len;
                    break;
                default: throw new InvalidDataException($"Unexpected protobuf wire type {wire} in an ONNX model.");
            }
        }
        return list;
    }

    private static ulong Varint(ReadOnlySpan<byte> span, ref int i)
    {
        ulong result = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = span[i++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return result;
        }
    }
}
