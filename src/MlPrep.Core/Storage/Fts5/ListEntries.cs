using System.Buffers.Binary;
using System.Text;
using MlPrep.Core.Content;

namespace MlPrep.Core.Storage.Fts5;

/// <summary>One best-match list as stored in <c>search_lists.entries</c>: its entries packed one after
/// another, best first, so a search reads a list as one row and decodes only the entries it needs.</summary>
/// <remarks>Each entry is the bm25 contribution (8 bytes, little-endian IEEE double), the question's track,
/// level, kind and difficulty (a byte each, so filters apply without a lookup), then its id in UTF-8,
/// preceded by its length in bytes (one byte; ids are at most 32 characters).</remarks>
internal readonly struct ListEntries(byte[] packed)
{
    private const int Fixed = 8 + 4 + 1;

    public readonly record struct Entry(double Score, string QuestionId, Track Track, Level Level, Kind Kind, int Difficulty);

    public Enumerator GetEnumerator() => new(packed);

    public struct Enumerator(byte[] packed)
    {
        private int _next;

        public Entry Current { get; private set; }

        public bool MoveNext()
        {
            if (_next + Fixed > packed.Length)
            {
                return false;
            }

            var at = _next;
            var length = packed[at + 12];
            if (at + Fixed + length > packed.Length)
            {
                throw new InvalidDataException($"A best-match list in search_lists is cut short at byte {at}: the database file is damaged.");
            }

            Current = new Entry(
                BinaryPrimitives.ReadDoubleLittleEndian(packed.AsSpan(at)),
                Encoding.UTF8.GetString(packed, at + Fixed, length),
                (Track)packed[at + 8], (Level)packed[at + 9], (Kind)packed[at + 10], packed[at + 11]);
            _next = at + Fixed + length;
            return true;
        }
    }

    /// <summary>Packs entries in the order they are added.</summary>
    public sealed class Writer
    {
        private readonly MemoryStream _bytes = new();

        public void Add(double score, string questionId, int track, int level, int kind, int difficulty)
        {
            Span<byte> head = stackalloc byte[Fixed];
            BinaryPrimitives.WriteDoubleLittleEndian(head, score);
            head[8] = Byte(track, nameof(track));
            head[9] = Byte(level, nameof(level));
            head[10] = Byte(kind, nameof(kind));
            head[11] = Byte(difficulty, nameof(difficulty));
            var id = Encoding.UTF8.GetBytes(questionId);
            head[12] = Byte(id.Length, "id length");
            _bytes.Write(head);
            _bytes.Write(id);
        }

        public byte[] ToArray() => _bytes.ToArray();

        private static byte Byte(int value, string what) => value is >= 0 and <= byte.MaxValue
            ? (byte)value
            : throw new ArgumentOutOfRangeException(what, value, "does not fit the one byte a best-match list entry keeps for it");
    }
}
