using Flagon;
using Microsoft.EntityFrameworkCore;

namespace FlagonApp;

/// <summary>views.py: the app's own pages and error handlers.</summary>
public static class Views
{
    [Route("/")]
    public static async Task<Response> Index(NotesDb db) =>
        Template.Render("index.html", new { count = await db.Notes.CountAsync() });

    [ErrorHandler(404)]
    public static Response NotFound(HttpError error) =>
        MakeError(error, "This page does not exist.");

    [ErrorHandler(500)]
    public static Response ServerError(HttpError error) =>
        MakeError(error, "Something went wrong on our side.");

    [NeedsAppContext]
    private static Response MakeError(HttpError error, string message)
    {
        var response = Template.Render("error.html", new { code = error.Code, message });
        response.Status = error.Code;
        return response;
    }
}
