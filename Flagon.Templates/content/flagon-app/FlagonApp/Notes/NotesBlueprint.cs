using Flagon;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;
using static Flagon.Globals;

namespace FlagonApp.Notes;

/// <summary>A blueprint (Flask's blueprintname/): the notes, under /notes.</summary>
[Blueprint("notes", UrlPrefix = "/notes")]
public partial class NotesBlueprint
{
    [Route("/")]
    public static async Task<Response> List(NotesDb db) =>
        Template.Render("notes/list.html", new { notes = await db.Notes.OrderByDescending(n => n.Id).ToListAsync() });

    [Route("/", Methods = ["POST"])]
    [RequireAntiforgeryToken]
    public static async Task<Response> Create(NotesDb db)
    {
        var text = Request.Form["text"].ToString().Trim();
        int max = int.Parse(CurrentApp.Config["NOTE_MAX_LENGTH"]!, System.Globalization.CultureInfo.InvariantCulture);
        if (text.Length == 0 || text.Length > max)
        {
            Flash($"A note has 1 to {max} characters.", "error");
            return Redirect(UrlFor.NotesBlueprint.List());
        }
        var note = new Note { Text = text, Created = DateTimeOffset.UtcNow };
        db.Notes.Add(note);
        await db.SaveChangesAsync();
        Flash("Note saved.");
        return Redirect(UrlFor.NotesBlueprint.Show(id: note.Id));
    }

    [Route("/<int:id>")]
    public static async Task<Response> Show(int id, NotesDb db) =>
        Template.Render("notes/show.html", new { note = await db.Notes.FindAsync(id) ?? throw new HttpError(404) });
}
