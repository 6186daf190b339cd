using Microsoft.AspNetCore.Identity;
using RealWorld.Data;

namespace RealWorld.Auth;

/// <summary>Passwords, hashed and checked with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2).</summary>
public static class Passwords
{
    private static readonly PasswordHasher<User> Hasher = new();

    /// <summary>The hash to store for <paramref name="password"/>.</summary>
    public static string Hash(User user, string password) => Hasher.HashPassword(user, password);

    /// <summary>Whether <paramref name="password"/> is the user's.</summary>
    public static bool Verify(User user, string password) =>
        Hasher.VerifyHashedPassword(user, user.PasswordHash, password) is not PasswordVerificationResult.Failed;
}
