using System.CommandLine;
using Flagon;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RealWorld.Auth;
using RealWorld.Data;
using RealWorld.Extensions;

namespace RealWorld.Commands;

/// <summary>
/// <c>dotnet run --project samples/RealWorld -- create-user --username NAME [--password PASSWORD]</c>: makes an admin
/// (a custom command of the app's command line, Flask's <c>@app.cli.command</c>). Without <c>--password</c> it is
/// read from the standard input, so it need not appear in the shell's history.
/// </summary>
public static class CreateUserCommand
{
    public const string Name = "create-user";

    public static Command Create()
    {
        var username = new Option<string>("--username") { Description = "The admin's name.", Required = true };
        var password = new Option<string?>("--password") { Description = "The password (read from the standard input when left out)." };
        var command = new Command(Name, "Makes an admin user who can log in at /admin/login.") { username, password };
        command.SetAction(async (result, cancellationToken) =>
        {
            var app = Globals.CurrentApp;
            var name = result.GetValue(username)!.Trim();
            var secret = result.GetValue(password);
            if (secret is null)
            {
                Console.Error.Write("Password: ");
                secret = Console.ReadLine();
            }
            if (name.Length is 0 or > Limits.UsernameLength)
            {
                Console.Error.WriteLine($"The username must have 1 to {Limits.UsernameLength} characters.");
                return 1;
            }
            if (string.IsNullOrEmpty(secret) || secret.Length < 8)
            {
                Console.Error.WriteLine("The password must have at least 8 characters.");
                return 1;
            }
            Database.Migrate(app);
            using var scope = app.ApplicationServices.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SiteDb>();
            if (await db.Users.AnyAsync(u => u.Username == name, cancellationToken))
            {
                Console.Error.WriteLine($"A user named '{name}' exists already.");
                return 1;
            }
            var user = new User { Username = name, PasswordHash = string.Empty };
            user.PasswordHash = Passwords.Hash(user, secret);
            db.Users.Add(user);
            await db.SaveChangesAsync(cancellationToken);
            Console.WriteLine($"Made the admin '{name}'; log in at /admin/login.");
            return 0;
        });
        return command;
    }
}
