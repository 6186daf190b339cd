using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using static Flagon.Globals;

namespace Flagon.Runtime.Tests.Hosting;

/// <summary>Views with ASP.NET Core's attributes, for the middleware in front of Flagon's dispatch.</summary>
[Blueprint("host", UrlPrefix = "/host")]
public partial class HostViews
{
    private static int cachedCalls;

    public static int CachedCalls => Volatile.Read(ref cachedCalls);

    [Route("/open")]
    public static string Open() => "open";

    [Route("/private")]
    [Authorize]
    public static string Private(HttpContext context) => $"hello {context.User.Identity?.Name}";

    [Route("/login", Methods = ["POST"])]
    public static async Task<string> Login(HttpContext context)
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "ada")], CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return "logged in";
    }

    [Route("/partner", Methods = ["GET", "PUT"])]
    [EnableCors("partner")]
    public static string Partner() => "partner";

    [Route("/partner-fail", Methods = ["PUT"])]
    [EnableCors("partner")]
    public static string PartnerFail() => throw new InvalidOperationException("partner view failed");

    [Route("/limited")]
    [EnableRateLimiting("tight")]
    public static string Limited() => "limited";

    [Route("/cached")]
    [OutputCache(Duration = 60)]
    public static string Cached() => $"call {Interlocked.Increment(ref cachedCalls)}";

    [Route("/form")]
    public static string Form(IAntiforgery antiforgery, HttpContext context) => antiforgery.GetAndStoreTokens(context).RequestToken!;

    [Route("/template-form")]
    public static Response TemplateForm()
    {
        Session["seen"] = "form";
        return Template.RenderString("""<form method="post">{{ csrf_token() }}<input name="title"></form>""");
    }

    [Route("/form", Methods = ["POST"], Endpoint = "form_post")]
    [RequireAntiforgeryToken]
    public static string FormPost() => $"saved {Request.Form["title"]}";

    [Route("/where")]
    public static string Where() =>
        $"{Request.Scheme} secure={Request.IsSecure} {Url.For("host.where", external: true)}";

    [Route("/remember")]
    public static string Remember()
    {
        Session["x"] = "1";
        return "remembered";
    }

    [Route("/endpoint")]
    [Tags("diagnostics")]
    public static string EndpointName(HttpContext context) =>
        $"{context.GetEndpoint()?.Metadata.GetMetadata<Routing.RuleMetadata>()?.Endpoint} {context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.ITagsMetadata>()?.Tags.Single()}";
}

/// <summary>A blueprint whose every view needs a signed-in user, but its login page.</summary>
[Blueprint("members", UrlPrefix = "/members")]
[Authorize]
public partial class MembersBlueprint
{
    [Route("/")]
    public static string Index(HttpContext context) => $"members: {context.User.Identity?.Name}";

    [Route("/welcome")]
    [AllowAnonymous]
    public static string Welcome() => "welcome, anyone";
}
