namespace MlPrep.Core.Practice;

/// <summary>Who owns practice data.</summary>
/// <remarks>MlPrep runs for one local user without a login today. Every user-owned row still carries a
/// user id, so a hosted, multi-user installation can add accounts later without changing what stored
/// rows mean.</remarks>
public static class Users
{
    public const string Local = "local";
}
