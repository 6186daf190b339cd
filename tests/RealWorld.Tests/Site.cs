using System.Text.RegularExpressions;
using Flagon;
using Flagon.Testing;
using Microsoft.Extensions.DependencyInjection;
using RealWorld;
using RealWorld.Auth;
using RealWorld.Data;

namespace RealWorld.Tests;

/// <summary>
/// One app made by the sample's factory, as the tests need it: its own instance folder (the SQLite file and the
/// uploads) in a temporary directory, removed after; no Redis unless given.
/// </summary>
public sealed partial class Site : IDisposable
{
    public const string Password = "correct horse battery";

    private readonly bool ownsFolder;

    public Site(string? instance = null, params string[] settings)
    {
        ownsFolder = instance is null;
        Instance = instance ?? Directory.CreateTempSubdirectory("realworld-").FullName;
        App = AppFactory.CreateApp(["--INSTANCE_PATH", Instance, "--Logging:LogLevel:Default", "Warning", .. settings]);
        App.Services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(new LogLines(Logs));
        Client = App.TestClient();
    }

    public string Instance { get; }

    /// <summary>What the app logged (at Warning and above, as configured), one line per entry: "Category: message".</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Logs { get; } = new();

    private sealed class LogLines(System.Collections.Concurrent.ConcurrentQueue<string> lines) : Microsoft.Extensions.Logging.ILoggerProvider
    {
        public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => new Logger(lines, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(System.Collections.Concurrent.ConcurrentQueue<string> lines, string category) : Microsoft.Extensions.Logging.ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

            public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception,
                Func<TState, Exception?, string> formatter) => lines.Enqueue($"{category}: {formatter(state, exception)}");
        }
    }

    public App App { get; }

    public TestClient Client { get; }

    /// <summary>Adds an admin straight to the database.</summary>
    public Site WithUser(string name = "ada", string password = Password)
    {
        using var scope = App.ApplicationServices.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDb>();
        var user = new User { Username = name, PasswordHash = string.Empty };
        user.PasswordHash = Passwords.Hash(user, password);
        db.Users.Add(user);
        db.SaveChanges();
        return this;
    }

    /// <summary>The antiforgery field's value in the form of the page at <paramref name="path"/> (its cookie is kept by the client).</summary>
    public async Task<string> TokenFrom(string path)
    {
        var page = await Client.Get(path);
        return TokenField().Match(page.Text) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException($"No antiforgery field on {path}: {page.Text}");
    }

    /// <summary>Logs in through the login form.</summary>
    public async Task<TestResponse> LogIn(string name = "ada", string password = Password, string next = "")
    {
        var token = await TokenFrom("/admin/login");
        return await Client.Post("/admin/login", form: [new("username", name), new("password", password), new("next", next), new("__RequestVerificationToken", token)]);
    }

    /// <summary>Posts a form with the antiforgery token of the page at <paramref name="formPage"/>.</summary>
    public async Task<TestResponse> PostForm(string formPage, string action, params KeyValuePair<string, string>[] fields) =>
        await Client.Post(action, form: [.. fields, new("__RequestVerificationToken", await TokenFrom(formPage))]);

    public int PageCount()
    {
        using var scope = App.ApplicationServices.CreateScope();
        return scope.ServiceProvider.GetRequiredService<SiteDb>().Pages.Count();
    }

    public void Dispose()
    {
        Client.Dispose();
        if (ownsFolder)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Instance, recursive: true);
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
