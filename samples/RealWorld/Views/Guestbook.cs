using Flagon;
using static Flagon.Globals;

namespace RealWorld.Views;

/// <summary>One signature in the guestbook.</summary>
public sealed record Entry(int Number, string Message);

/// <summary>A page rendered from templates: a layout with blocks, an included nav, url_for, flashed messages, user input.</summary>
public static class Guestbook
{
    private static readonly List<Entry> Entries = [];

    [Route("/guestbook", Endpoint = "guestbook")]
    public static Response Show()
    {
        lock (Entries)
        {
            return Template.Render("guestbook.html", new { entries = Entries.ToArray() });
        }
    }

    [Route("/guestbook", Methods = ["POST"])]
    public static Response Sign()
    {
        var message = Request.Form["message"].ToString();
        if (string.IsNullOrWhiteSpace(message))
        {
            Flash("Write something first.", "error");
        }
        else
        {
            lock (Entries)
            {
                Entries.Add(new Entry(Entries.Count + 1, message));
            }
            Flash("Thanks for signing!", "info");
        }
        return Redirect(Url.For("guestbook"));
    }
}
