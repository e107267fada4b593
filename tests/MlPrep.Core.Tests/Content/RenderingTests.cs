using MlPrep.Core.Content;

namespace MlPrep.Core.Tests.Content;

public class RenderingTests
{
    [Fact]
    public void ToHtml_RawHtml_IsEscapedNotRendered()
    {
        var html = ContentMarkdown.ToHtml("Text <script>alert(1)</script> and <img src=x onerror=alert(1)>\n\n<div onclick=\"x\">block</div>");

        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<div", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_GenericAttributes_AreNotAnExtension()
    {
        var html = ContentMarkdown.ToHtml("# Title {onclick=\"alert(1)\"}");

        Assert.DoesNotContain("onclick=\"alert", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_Math_EmitsKatexReadySpans()
    {
        var html = ContentMarkdown.ToHtml("Inline $a^2$ and\n\n$$\n\\sum_i x_i\n$$\n");

        Assert.Contains("<span class=\"math\">\\(a^2\\)</span>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"math\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_FencedCode_KeepsLanguageClass()
    {
        var html = ContentMarkdown.ToHtml("```python\nprint(1 < 2)\n```\n");

        Assert.Contains("<code class=\"language-python\">print(1 &lt; 2)", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("javascript:alert(1)", "javascript")]
    [InlineData(" JavaScript:alert(1)", "javascript")]
    [InlineData("data:text/html,x", "data")]
    [InlineData("https://example.org", "https")]
    [InlineData("../guides/star-method", null)]
    [InlineData("#answer", null)]
    [InlineData("ML-002", null)]
    public void SchemeOf_RecognizesSchemes(string url, string? scheme)
    {
        Assert.Equal(scheme, ContentMarkdown.SchemeOf(url));
    }

    [Fact]
    public void UnsafeLinks_FindsOnlyDisallowedSchemes()
    {
        var document = ContentMarkdown.Parse("[a](https://x.org) [b](javascript:alert(1)) <mailto:me@x.org> [c](vbscript:x)");

        Assert.Equal(["javascript:alert(1)", "vbscript:x"], ContentMarkdown.UnsafeLinks(document).Select(l => l.Url));
    }
}
