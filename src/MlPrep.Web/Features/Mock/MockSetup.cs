using MlPrep.Core.Interviews;

namespace MlPrep.Web.Features.Mock;

/// <summary>Mock interviews.</summary>
public static class MockSetup
{
    public static void AddMock(this WebApplicationBuilder builder) => builder.Services.AddScoped<MockService>();
}
