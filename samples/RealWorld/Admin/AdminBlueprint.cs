using System.Security.Claims;
using Flagon;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;
using RealWorld.Auth;
using RealWorld.Data;
using RealWorld.Extensions;
using static Flagon.Globals;

namespace RealWorld.Admin;

/// <summary>
/// The admin: signed-in users only ([Authorize], ASP.NET Core cookie authentication), every form with its
/// antiforgery token ([RequireAntiforgeryToken]: a POST without it, or with a wrong one, is a 400 and changes nothing).
/// </summary>
[Blueprint("admin")]
[Authorize]
[RequireAntiforgeryToken]
public partial class AdminBlueprint
{
    [Route("/")]
    public static async Task<Response> Dashboard(SiteDb db) =>
        Template.Render("admin/dashboard.html", new
        {
            pages = await db.Pages.OrderByDescending(p => p.UpdatedUtc).ThenByDescending(p => p.Id).ToListAsync(),
            uploads = Uploads.List(CurrentApp).Count,
        });

    [Route("/login")]
    [AllowAnonymous]
    public static Response Login() =>
        Template.Render("admin/login.html", new { next = Request.Args["next"].ToString(), username = string.Empty, error = (string?)null });

    [Route("/login", Methods = ["POST"], Endpoint = "login_post")]
    [AllowAnonymous]
    public static async Task<Response> LoginPost(HttpContext context, SiteDb db, LoginThrottle throttle)
    {
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.Blocked(client) is { } wait)
        {
            var tooMany = Template.Render("error.html", new { code = 429, name = "Too Many Requests", description = "Too many failed logins: wait a few minutes, then try again." });
            tooMany.Status = StatusCodes.Status429TooManyRequests;
            tooMany.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return tooMany;
        }
        var username = Request.Form["username"].ToString().Trim();
        var password = Request.Form["password"].ToString();
        var next = Request.Form["next"].ToString();
        var user = username.Length == 0 ? null : await db.Users.FirstOrDefaultAsync(u => u.Username == username);
        if (user is null || !Passwords.Verify(user, password))
        {
            throttle.Failed(client);
            var page = Template.Render("admin/login.html", new { next, username, error = "Wrong username or password." });
            page.Status = StatusCodes.Status401Unauthorized;
            return page;
        }
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user.Username), new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        Flash($"Welcome, {user.Username}.", "info");
        // Only to a page of this site: next=https://evil.example is ignored.
        return Redirect(Url.IsLocal(next) ? next : UrlFor.AdminBlueprint.Dashboard());
    }

    [Route("/logout", Methods = ["POST"])]
    public static async Task<Response> Logout(HttpContext context)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        Flash("You are logged out.", "info");
        return Redirect(Url.For("index"));
    }

    [Route("/pages/new")]
    public static Response New() => PageFormPage(new PageForm { Title = string.Empty, Body = string.Empty }, [], pk: null);

    [Route("/pages/new", Methods = ["POST"], Endpoint = "create")]
    public static async Task<Response> Create(SiteDb db)
    {
        var form = PageForm.FromRequest(Request.Form);
        if (form.Validate() is { Count: > 0 } errors)
        {
            return PageFormPage(form, errors, pk: null);
        }
        var now = DateTime.UtcNow;
        var page = new Page { Title = form.Title!, Body = form.Body!, CreatedUtc = now, UpdatedUtc = now };
        db.Pages.Add(page);
        await db.SaveChangesAsync();
        Flash($"Created the page {page.Title}.", "info");
        return Redirect(UrlFor.Show(pk: page.Id));
    }

    [Route("/pages/<int:pk>/edit")]
    public static async Task<Response> Edit(int pk, SiteDb db)
    {
        var page = await db.Pages.Where(p => p.Id == pk).FirstOr404Async();
        return PageFormPage(new PageForm { Title = page.Title, Body = page.Body }, [], pk);
    }

    [Route("/pages/<int:pk>/edit", Methods = ["POST"], Endpoint = "update")]
    public static async Task<Response> Update(int pk, SiteDb db)
    {
        var page = await db.Pages.Where(p => p.Id == pk).FirstOr404Async();
        var form = PageForm.FromRequest(Request.Form);
        if (form.Validate() is { Count: > 0 } errors)
        {
            return PageFormPage(form, errors, pk);
        }
        page.Title = form.Title!;
        page.Body = form.Body!;
        page.UpdatedUtc = DateTime.UtcNow;
        await db.SaveChangesAsync();
        Flash($"Saved the page {page.Title}.", "info");
        return Redirect(UrlFor.Show(pk: page.Id));
    }

    [Route("/uploads")]
    public static Response UploadsPage() => RenderUploads(error: null, status: StatusCodes.Status200OK);

    [Route("/uploads", Methods = ["POST"], Endpoint = "upload")]
    public static async Task<Response> Upload()
    {
        var (name, error, status) = await Uploads.SaveAsync(CurrentApp, Request.Files["image"]);
        if (error is not null)
        {
            return RenderUploads(error, status);
        }
        Flash($"Uploaded {name}.", "info");
        return Redirect(UrlFor.AdminBlueprint.UploadsPage());
    }

    [NeedsRequestContext]
    private static Response RenderUploads(string? error, int status)
    {
        var page = Template.Render("admin/uploads.html", new
        {
            files = Uploads.List(CurrentApp),
            error,
            max_kb = Uploads.MaxBytes(CurrentApp) / 1024,
        });
        page.Status = status;
        return page;
    }

    // The form page: empty, with the values being edited, or as posted with the errors next to the fields (422).
    [NeedsRequestContext]
    private static Response PageFormPage(PageForm form, Dictionary<string, string> errors, int? pk)
    {
        var page = Template.Render("admin/page_form.html", new
        {
            title = form.Title,
            body = form.Body,
            errors,
            pk,
            action = pk is { } id ? UrlFor.AdminBlueprint.Update(pk: id) : UrlFor.AdminBlueprint.Create(),
        });
        page.Status = errors.Count > 0 ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK;
        return page;
    }
}
