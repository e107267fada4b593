namespace MlPrep.Core.Search;

/// <summary>One question a search matched: tier 0 when it matches every term, 1 when only some; higher score ranks first within a tier.</summary>
public sealed class SearchHit
{
    public required string QuestionId { get; init; }
    public int Tier { get; init; }
    public double Score { get; init; }
}

/// <summary>The text of one result that a snippet is cut from.</summary>
public sealed record SnippetSource(string QuestionId, string Title, string SearchText);

/// <summary>The highlighted title and body excerpt of a search result, as plain text with mark characters.</summary>
/// <remarks>Marks are control characters that never occur in content, so the text can be HTML-encoded
/// first and the marks turned into <c>&lt;mark&gt;</c> after: highlighting cannot inject markup.</remarks>
public sealed class SearchSnippet
{
    public const char MarkStart = '\u0002';
    public const char MarkEnd = '\u0003';

    public required string QuestionId { get; init; }
    public required string Title { get; init; }
    public required string Snippet { get; init; }

    /// <summary>Encodes text with marks as HTML, turning the marks into <c>&lt;mark&gt;</c> elements.</summary>
    public static string ToHtml(string marked)
    {
        var html = new System.Text.StringBuilder(marked.Length + 32);
        var open = false;
        var runStart = 0;
        for (var i = 0; i <= marked.Length; i++)
        {
            if (i < marked.Length && marked[i] != MarkStart && marked[i] != MarkEnd)
            {
                continue;
            }

            html.Append(System.Net.WebUtility.HtmlEncode(marked[runStart..i]));
            runStart = i + 1;
            if (i < marked.Length && marked[i] == MarkStart && !open)
            {
                html.Append("<mark>");
                open = true;
            }
            else if ((i == marked.Length || marked[i] == MarkEnd) && open)
            {
                html.Append("</mark>");
                open = false;
            }
        }

        return html.ToString();
    }
}
