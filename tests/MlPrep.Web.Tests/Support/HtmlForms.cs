using System.Net;
using System.Text.RegularExpressions;

namespace MlPrep.Web.Tests.Support;

/// <summary>Driving the app's HTML forms as a browser without JavaScript does: read a page, post a form with its antiforgery token.</summary>
public static partial class HtmlForms
{
    /// <summary>GETs a page that must succeed and returns its HTML.</summary>
    public static async Task<string> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>POSTs form fields plus the antiforgery token found in <paramref name="pageWithToken"/>.</summary>
    public static Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, string pageWithToken, params (string Name, string Value)[] fields)
    {
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", Field(pageWithToken, "__RequestVerificationToken")));
        return client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    /// <summary>The value of an input named <paramref name="name"/> (hidden or not) in the HTML.</summary>
    public static string Field(string html, string name) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"name=\"{Regex.Escape(name)}\" (?:type=\"hidden\" )?value=\"([^\"]*)\"").Groups[1].Value);
}
