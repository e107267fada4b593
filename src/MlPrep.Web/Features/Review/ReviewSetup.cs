using MlPrep.Core.Practice;

namespace MlPrep.Web.Features.Review;

/// <summary>Spaced review: the service and whose data it is.</summary>
public static class ReviewSetup
{
    public static void AddReview(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ReviewService>();
        builder.Services.AddScoped<ProgressService>();
        builder.Services.AddScoped<UserDataService>();
        builder.Services.AddSingleton<CurrentUser>();
    }
}

/// <summary>The user whose practice data a request reads and writes.</summary>
/// <remarks>Always the single local user today; a hosted installation with accounts replaces this one class.</remarks>
public sealed class CurrentUser
{
    public string Id => Users.Local;
}
