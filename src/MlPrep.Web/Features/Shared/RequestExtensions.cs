namespace MlPrep.Web.Features.Shared;

public static class RequestExtensions
{
    /// <summary>The values of one query parameter, for <see cref="MlPrep.Core.Search.QuestionQuery.Parse"/>.</summary>
    public static Func<string, IReadOnlyList<string>> Values(this IQueryCollection query) =>
        name => [.. query[name].Where(v => v is not null).Select(v => v!)];

    /// <summary>True when htmx asked for the fragment with the given element id, not the whole page.</summary>
    public static bool WantsFragment(this HttpRequest request, string target) =>
        request.Headers["HX-Request"] == "true" && request.Headers["HX-Target"] == target;
}
