using System.CommandLine;
using MlPrep.Core.Content;

namespace MlPrep.Cli.Shared;

/// <summary>Options whose value is a vocabulary word (track, level ...), with a clear error listing the valid ones.</summary>
internal static class VocabularyOption
{
    public static Option<string> Create<TEnum>(string name, string what) where TEnum : struct, Enum
    {
        var option = new Option<string>(name)
        {
            Description = $"Only this {what}: {Slug.List<TEnum>()}",
            HelpName = what.ToUpperInvariant(),
        };
        option.CompletionSources.Add([.. Slug.All<TEnum>()]);
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (value is not null && !Slug.TryParse<TEnum>(value, out _))
            {
                result.AddError($"Unknown {what} '{value}'. Valid {what}s: {Slug.List<TEnum>()}.");
            }
        });
        return option;
    }

    public static TEnum? Value<TEnum>(this ParseResult parse, Option<string> option) where TEnum : struct, Enum =>
        Slug.TryParse<TEnum>(parse.GetValue(option), out var value) ? value : null;
}
