using MlPrep.Web.Features.Content;
using MlPrep.Web.Features.Health;

var builder = WebApplication.CreateBuilder(args);

// Errors as ProblemDetails, never a stack trace.
builder.Services.AddProblemDetails();

// The question bank, loaded once at start.
builder.AddContentBank();

// Health.
builder.AddHealth();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapHealth();

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
