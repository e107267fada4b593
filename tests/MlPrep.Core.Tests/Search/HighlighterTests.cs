using MlPrep.Core.Content;
using MlPrep.Core.Search;
using MlPrep.Core.Storage.Fts5;

namespace MlPrep.Core.Tests.Search;

/// <summary>Highlights and snippets for SQLite results: a word is marked exactly when the index's tokenizer would match it.</summary>
public sealed class HighlighterTests
{
    private static Fts5Highlighter For(string text) => new(SearchTerms.Parse(text, Thesaurus.Empty));

    private static string Visible(string marked) => marked.Replace(SearchSnippet.MarkStart, '[').Replace(SearchSnippet.MarkEnd, ']');

    [Fact]
    public void Highlight_MarksEveryFormThatStemsToTheQueryWord()
    {
        var marked = For("regularization ").Highlight("Regularized models: regularization, regularizing and regular expressions; Irregular.");

        // Porter stems all four to "regular"; "irregular" is another token.
        Assert.Equal("[Regularized] models: [regularization], [regularizing] and [regular] expressions; Irregular.", Visible(marked));
    }

    [Fact]
    public void Highlight_ShortWordsWhoseStemChangesALetter_AreMarked()
    {
        // Porter indexes "say" as "sai" and "abs" as "ab": the stem is not how the word starts.
        Assert.Equal("They [say] it; she [says] so; sail away.", Visible(For("says ").Highlight("They say it; she says so; sail away.")));
        Assert.Equal("np.[abs](x) and [ab] tests", Visible(For("ab ").Highlight("np.abs(x) and ab tests")));
    }

    [Fact]
    public void Highlight_WordBeingTyped_MatchesAsAPrefixOfTheToken()
    {
        Assert.Equal("[Calibration] and [calibrated] scores; Cal", Visible(For("calibrat").Highlight("Calibration and calibrated scores; Cal")));
    }

    [Fact]
    public void Snippet_IsTheWindowWithTheMostQueryWords_CutWithEllipses()
    {
        var filler = string.Join(' ', Enumerable.Repeat("lorem", 40));
        var text = $"{filler} Dropout is a regularizer; at test time dropout is off and the weights are scaled. {filler}";
        var snippet = Visible(For("dropout test ").Snippet(text));

        Assert.StartsWith("…", snippet, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet, StringComparison.Ordinal);
        Assert.Contains("[Dropout] is a regularizer; at [test] time [dropout] is off", snippet, StringComparison.Ordinal);
        Assert.True(snippet.Split(' ').Length <= Fts5Highlighter.WindowWords + 1, snippet);
    }

    [Fact]
    public void Snippet_WithoutMatches_IsTheStartOfTheText_AndShortTextIsWhole()
    {
        Assert.Equal("Short answer.", For("gradient ").Snippet("Short answer."));
        Assert.Equal("", For("gradient ").Snippet("  "));
        var text = string.Join(' ', Enumerable.Range(1, 50).Select(i => $"w{i}"));
        Assert.Equal(string.Join(' ', Enumerable.Range(1, 24).Select(i => $"w{i}")) + "…", For("gradient ").Snippet(text));
    }

    [Fact]
    public void Marks_SurviveHtmlEncoding_WithoutLettingMarkupThrough()
    {
        var html = SearchSnippet.ToHtml(For("loss ").Highlight("<b>loss</b> & more"));
        Assert.Equal("&lt;b&gt;<mark>loss</mark>&lt;/b&gt; &amp; more", html);
    }
}
