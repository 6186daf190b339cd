using System.ComponentModel.DataAnnotations;

namespace RealWorld.Data;

/// <summary>An admin: a name and a password hash (ASP.NET Core Identity's PasswordHasher), never the password.</summary>
public sealed class User
{
    public int Id { get; set; }

    [MaxLength(Limits.UsernameLength)]
    public required string Username { get; set; }

    public required string PasswordHash { get; set; }
}
