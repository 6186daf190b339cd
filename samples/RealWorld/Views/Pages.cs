using Flagon;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using RealWorld.Data;
using RealWorld.Extensions;
using StackExchange.Redis;
using static Flagon.Globals;

namespace RealWorld.Views;

/// <summary>views.py: the public pages.</summary>
public static class Pages
{
    /// <summary>The pages, newest first, <c>PAGE_SIZE</c> per page (<c>?page=2</c>).</summary>
    [Route("/")]
    public static async Task<Response> Index(SiteDb db)
    {
        var requested = Request.Args["page"].ToString();
        int number = 1;
        if (requested.Length > 0 && !int.TryParse(requested, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out number))
        {
            Abort(StatusCodes.Status404NotFound);
        }
        int perPage = int.TryParse(CurrentApp.Config["PAGE_SIZE"], out var size) && size > 0 ? size : 10;
        var pages = await db.Pages.OrderByDescending(p => p.CreatedUtc).ThenByDescending(p => p.Id).PaginateAsync(number, perPage);
        return Template.Render("index.html", new { pages });
    }

    /// <summary>One page (slide 16's <c>first_or_404</c>: a missing page is the 404 page).</summary>
    [Route("/page/<int:pk>")]
    public static async Task<Response> Show(int pk, SiteDb db) =>
        Template.Render("page.html", new { page = await db.Pages.Where(p => p.Id == pk).FirstOr404Async() });

    /// <summary>
    /// The seed's slide 41 view: a page counter in Redis, shared by every process of the app. Without <c>REDIS_URL</c>
    /// the page says the counter is off; while Redis is down it answers 503, and works again when Redis is back.
    /// </summary>
    [Route("/counter")]
    public static async Task<Response> Counter()
    {
        if (!AppFactory.Redis.IsOn)
        {
            return Template.Render("counter.html", new { on = false, count = 0L });
        }
        long count = 0;
        try
        {
            count = await AppFactory.Redis.IncrAsync("counter_key");
        }
        catch (RedisException)
        {
            Abort(StatusCodes.Status503ServiceUnavailable, "The counter's Redis does not answer right now; try again in a moment.");
        }
        return Template.Render("counter.html", new { on = true, count });
    }

    /// <summary>An uploaded image, with its ETag and Last-Modified (a repeated request gets a 304).</summary>
    [Route("/uploads/<path:filename>")]
    public static Response Uploaded(string filename) => SendFromDirectory(Admin.Uploads.Folder(CurrentApp), filename);

    /// <summary>Every HTTP error (404, 400 for a missing CSRF token, 405, 503, …) as the site's error page.</summary>
    [ErrorHandler(typeof(HttpError))]
    public static Response Error(HttpError e)
    {
        var page = Template.Render("error.html", new { code = e.Code, name = e.Name, description = e.Description });
        page.Status = e.Code;
        foreach (var header in e.GetResponse().Headers.Where(h => h.Key is "Allow" or "Retry-After" or "Location"))
        {
            page.Headers[header.Key] = header.Value;
        }
        return page;
    }
}
