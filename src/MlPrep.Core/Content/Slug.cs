using System.Collections.Frozen;
using System.Text;

namespace MlPrep.Core.Content;

/// <summary>Converts the vocabulary enums to and from the kebab-case words used in files, URLs and the CLI.</summary>
/// <remarks>One mapping for every enum keeps the spelling in content files, JSON output and
/// command-line options identical by construction.</remarks>
public static class Slug
{
    /// <summary>The kebab-case word for an enum value, e.g. <c>Track.MlFundamentals</c> → <c>ml-fundamentals</c>.</summary>
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => Cache<TEnum>.ToSlug[value];

    /// <summary>Parses a kebab-case word; case-insensitive, surrounding white space ignored.</summary>
    public static bool TryParse<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum =>
        Cache<TEnum>.FromSlug.TryGetValue(text?.Trim() ?? "", out value);

    /// <summary>Every valid word for an enum, in declaration order.</summary>
    public static IReadOnlyList<string> All<TEnum>() where TEnum : struct, Enum => Cache<TEnum>.Words;

    /// <summary>The valid words joined for an error message: "a, b, c".</summary>
    public static string List<TEnum>() where TEnum : struct, Enum => string.Join(", ", Cache<TEnum>.Words);

    internal static string Kebab(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    private static class Cache<TEnum> where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<TEnum, string> ToSlug =
            Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, v => Kebab(v.ToString()));

        public static readonly FrozenDictionary<string, TEnum> FromSlug =
            ToSlug.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);

        public static readonly IReadOnlyList<string> Words = [.. Enum.GetValues<TEnum>().Select(v => ToSlug[v])];
    }
}
