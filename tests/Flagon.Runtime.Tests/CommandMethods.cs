using Microsoft.Extensions.DependencyInjection;

namespace Flagon.Runtime.Tests;

/// <summary>A service a command takes as a parameter.</summary>
public sealed class Guestbook
{
    public List<string> Names { get; } = [];
}

/// <summary>How loud a greeting is (an enum option).</summary>
public enum Volume
{
    Quiet,
    Normal,
    Loud,
}

/// <summary>[Command] methods of the test program, registered by the generator (CommandTests runs them).</summary>
public static class CommandMethods
{
    /// <summary>Greets someone, as often as asked.</summary>
    /// <param name="name">Who to greet.</param>
    /// <param name="times">How many times.</param>
    /// <param name="shout">In capitals.</param>
    /// <param name="ending">What ends the line.</param>
    /// <param name="volume">How loud.</param>
    [Command]
    public static int Welcome(string name, int times = 1, bool shout = false, [CommandOption("--end", "-e")] string ending = "!", Volume volume = Volume.Normal)
    {
        for (int i = 0; i < times; i++)
        {
            var line = $"Hello, {name}{ending} ({volume})";
            Console.WriteLine(shout ? line.ToUpperInvariant() : line);
        }
        return times == 0 ? 3 : 0;
    }

    [Command("sign-book", Description = "Writes names in the guestbook.")]
    public static async Task SignBook(string[] names, Guestbook book, [CommandOption] string by, CancellationToken cancellationToken = default)
    {
        await Task.Delay(1, cancellationToken);
        book.Names.AddRange(names.Select(n => $"{n} (by {by})"));
    }

    [Command]
    public static ValueTask<int> WhereAmI()
    {
        // Commands run in an app context: CurrentApp and Url.For work as in a view.
        Console.WriteLine($"{Globals.CurrentApp.Name} {Url.For("index")}");
        return ValueTask.FromResult(0);
    }

    [Command]
    public static void Fail(string? reason = null) => throw new InvalidOperationException(reason ?? "no reason");
}
