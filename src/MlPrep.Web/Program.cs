using MlPrep.Web.Features.Content;
using MlPrep.Web.Features.Health;
using MlPrep.Web.Features.Mock;
using MlPrep.Web.Features.Progress;
using MlPrep.Web.Features.Practice;
using MlPrep.Web.Features.Questions;
using MlPrep.Web.Features.Review;
using MlPrep.Web.Features.Shared;
using MlPrep.Web.Features.Storage;

var builder = WebApplication.CreateBuilder(args);

// Errors as ProblemDetails for the API, friendly pages for people; never a stack trace.
builder.Services.AddProblemDetails();

// The question bank, loaded once at start.
builder.AddContentBank();

// The database (SQLite by default, PostgreSQL by configuration), synced with the bank at start.
builder.AddStorage();

// Pages, output cache, JSON and OpenAPI.
builder.AddPages();

// Practice: spaced review and mock interviews.
builder.AddReview();
builder.AddMock();

// Health.
builder.AddHealth();

var app = builder.Build();

app.UseErrorPages();
app.UseStaticFiles();
app.UseRouting(); // after the error pages, so their re-executed requests are routed again
app.UseOutputCache();

app.MapRazorPages();
app.MapQuestionsApi();
app.MapReviewApi();
app.MapUserData();
app.MapPractice();
app.MapHealth();
app.MapOpenApi();

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
