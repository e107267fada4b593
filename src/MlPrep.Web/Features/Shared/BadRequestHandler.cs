using Microsoft.AspNetCore.Diagnostics;

namespace MlPrep.Web.Features.Shared;

/// <summary>Turns a request the framework could not bind (malformed JSON, a wrong content type) into a 400 problem, not a 500.</summary>
/// <remarks>In Development, minimal APIs throw <see cref="BadHttpRequestException"/> instead of answering 400 themselves, so the
/// exception handler must give it its real status; in Production this keeps the same answer.</remarks>
internal sealed class BadRequestHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Title = "The request could not be read",
                Detail = bad.InnerException is System.Text.Json.JsonException json ? $"The JSON body is malformed: {json.Message}" : bad.Message,
            },
        });
    }
}
