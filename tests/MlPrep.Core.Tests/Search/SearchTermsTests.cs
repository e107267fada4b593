using System.Collections.Immutable;
using MlPrep.Core.Content;
using MlPrep.Core.Search;

namespace MlPrep.Core.Tests.Search;

public class SearchTermsTests
{
    private static readonly Thesaurus Thesaurus = new(
    [
        ImmutableArray.Create("l2 regularization", "ridge", "weight decay"),
        ImmutableArray.Create("gradient boosting", "xgboost", "gbm"),
        ImmutableArray.Create("t-sne", "tsne"),
    ]);

    [Fact]
    public void Parse_ThesaurusWord_ExpandsToItsGroup()
    {
        var terms = SearchTerms.Parse("ridge ", Thesaurus);

        var group = Assert.Single(terms.Groups);
        Assert.Equal(["ridge", "l2 regularization", "weight decay"], group.Phrases.ToArray());
        Assert.Equal("(\"ridge\" OR \"l2 regularization\" OR \"weight decay\")", terms.ToFts5(requireAll: true));
    }

    [Fact]
    public void Parse_MultiWordEntry_MatchesBeforeSingleWords()
    {
        var terms = SearchTerms.Parse("how does gradient boosting handle missing values", Thesaurus);

        Assert.Equal(["gradient boosting", "handle", "missing", "values"], terms.Groups.Select(g => g.Phrases[0]));
        Assert.Contains("xgboost", terms.Groups[0].Phrases);
    }

    [Fact]
    public void Parse_HyphenatedWord_IsOnePhrase_AndMatchesThesaurus()
    {
        Assert.Equal(["t sne", "tsne"], SearchTerms.Parse("t-SNE ", Thesaurus).Groups.Single().Phrases.ToArray());
        Assert.Equal("\"k means\"", SearchTerms.Parse("k-means ", Thesaurus).ToFts5(requireAll: true));
    }

    [Fact]
    public void Parse_LastWordBeingTyped_IsAPrefix()
    {
        Assert.Equal("(\"regulariz\"* OR \"regul\"*)", SearchTerms.Parse("regulariz", Thesaurus).ToFts5(requireAll: true));
        Assert.Equal("\"regulariz\"", SearchTerms.Parse("regulariz ", Thesaurus).ToFts5(requireAll: true));
        Assert.Equal("\"batch\" AND \"norm\"*", SearchTerms.Parse("batch norm", Thesaurus).ToFts5(requireAll: true));
    }

    [Fact]
    public void Parse_StopWords_AreDroppedUnlessTheyAreAllThereIs()
    {
        Assert.Equal(["dropout"], SearchTerms.Parse("what is dropout", Thesaurus).Groups.Select(g => g.Phrases[0]));
        Assert.Equal(["what", "is"], SearchTerms.Parse("what is", Thesaurus).Groups.Select(g => g.Phrases[0]));
    }

    [Theory]
    [InlineData("\"unbalanced")]
    [InlineData("NEAR(")]
    [InlineData("title:x")]
    [InlineData("-x")]
    [InlineData("(((")]
    [InlineData("C++")]
    [InlineData("a\0b")]
    [InlineData("AND OR NOT")]
    [InlineData("*")]
    [InlineData("'; DROP TABLE questions; --")]
    public void Parse_HostileText_OnlyEverEmitsQuotedAlphanumericPhrases(string text)
    {
        var fts = SearchTerms.Parse(text, Thesaurus).ToFts5(requireAll: false);

        var unquoted = string.Concat(fts.Split('"').Where((_, i) => i % 2 == 0));
        Assert.Matches("^[ ()*ORAND]*$", unquoted);
        Assert.DoesNotContain('\0', fts);
    }

    [Fact]
    public void Numbers_ThousandsSeparatorsAreIgnored()
    {
        Assert.Equal("1 in 1000 and 2000000 but 1,5 and 3,14159", SearchTerms.NormalizeNumbers("1 in 1,000 and 2,000,000 but 1,5 and 3,14159"));
        Assert.Equal("\"1\" AND \"1000\"", SearchTerms.Parse("1 in 1,000 ", Thesaurus).ToFts5(requireAll: true));
    }

    [Fact]
    public void Parse_PunctuationOnly_IsEmpty()
    {
        Assert.True(SearchTerms.Parse("((( --- \"\"", Thesaurus).IsEmpty);
        Assert.True(SearchTerms.Parse(null, Thesaurus).IsEmpty);
    }

    [Fact]
    public void Parse_VeryLongText_IsCapped()
    {
        var terms = SearchTerms.Parse(string.Join(' ', Enumerable.Range(0, 100).Select(i => $"word{i}")), Thesaurus);

        Assert.Equal(SearchTerms.MaxGroups, terms.Groups.Length);
    }

    [Fact]
    public void ToTsQuery_PassesEveryWordAsAParameter()
    {
        var (sql, arguments) = SearchTerms.Parse("ridge C++ grad", Thesaurus).ToTsQuery(requireAll: true, firstParameter: 3);

        Assert.DoesNotContain("ridge", sql, StringComparison.Ordinal);
        Assert.Contains("{3}", sql, StringComparison.Ordinal);
        Assert.Contains("to_tsquery('english', {", sql, StringComparison.Ordinal);
        Assert.Equal(["\"ridge\"", "\"l2 regularization\"", "\"weight decay\"", "\"c\"", "grad:*"], arguments);
    }

    [Fact]
    public void SnippetHtml_EncodesTextAndOnlyAddsMarks()
    {
        var html = SearchSnippet.ToHtml("a <b>\u0002x & y\u0003 \u0002open");

        Assert.Equal("a &lt;b&gt;<mark>x &amp; y</mark> <mark>open</mark>", html);
    }
}
