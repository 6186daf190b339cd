namespace RealWorld.Tests;

/// <summary>Logging in to the admin: passwords checked against the hash, failures throttled, next= kept local.</summary>
public class LoginTests
{
    [Fact]
    public async Task The_admin_sends_a_visitor_to_the_login_page_with_next()
    {
        using var site = new Site().WithUser();

        var dashboard = await site.Client.Get("/admin/");

        Assert.Equal(302, dashboard.Status);
        Assert.Equal("http://localhost/admin/login?next=%2Fadmin%2F", dashboard.Location);
    }

    [Fact]
    public async Task The_right_password_signs_in_and_a_wrong_one_does_not()
    {
        using var site = new Site().WithUser();

        var wrong = await site.LogIn(password: "not the password");
        var stillOut = await site.Client.Get("/admin/");
        var right = await site.LogIn();
        var dashboard = await site.Client.Get("/admin/");

        Assert.Equal(401, wrong.Status);
        Assert.Contains("Wrong username or password.", wrong.Text);
        Assert.Contains("value=\"ada\"", wrong.Text);
        Assert.Equal(302, stillOut.Status);
        Assert.Equal((302, "/admin/"), (right.Status, right.Location));
        Assert.Equal(200, dashboard.Status);
        Assert.Contains("Welcome, ada.", dashboard.Text);
        Assert.Contains("Log out ada", dashboard.Text);
    }

    [Fact]
    public async Task An_unknown_user_is_refused_like_a_wrong_password()
    {
        using var site = new Site().WithUser();

        var unknown = await site.LogIn(name: "mallory");

        Assert.Equal(401, unknown.Status);
        Assert.Contains("Wrong username or password.", unknown.Text);
    }

    [Fact]
    public async Task Failed_logins_are_throttled_with_429_and_successes_are_not_counted()
    {
        using var site = new Site(null, "--LOGIN_FAILURES", "2").WithUser();

        var fine = await site.LogIn();
        await site.Client.Post("/admin/logout", form: [new("__RequestVerificationToken", await site.TokenFrom("/admin/"))]);
        var first = await site.LogIn(password: "wrong one");
        var second = await site.LogIn(password: "wrong two");
        var blocked = await site.LogIn();

        Assert.Equal(302, fine.Status);
        Assert.Equal((401, 401), (first.Status, second.Status));
        Assert.Equal(429, blocked.Status);
        Assert.True(int.Parse(blocked.Header("Retry-After")!) > 0);
        Assert.Contains("Too many failed logins", blocked.Text);
    }

    [Theory]
    [InlineData("/admin/uploads", "/admin/uploads")]
    [InlineData("https://evil.example/", "/admin/")]
    [InlineData("//evil.example/", "/admin/")]
    [InlineData("/\\evil.example/", "/admin/")]
    [InlineData("", "/admin/")]
    public async Task After_login_next_only_leads_to_a_page_of_the_site(string next, string location)
    {
        using var site = new Site().WithUser();

        var login = await site.LogIn(next: next);

        Assert.Equal((302, location), (login.Status, login.Location));
    }

    [Fact]
    public async Task Logging_out_takes_a_post_with_its_token()
    {
        using var site = new Site().WithUser();
        await site.LogIn();

        var withoutToken = await site.Client.Post("/admin/logout");
        var stillIn = await site.Client.Get("/admin/");
        var loggedOut = await site.Client.Post("/admin/logout", form: [new("__RequestVerificationToken", await site.TokenFrom("/admin/"))]);
        var out_ = await site.Client.Get("/admin/");

        Assert.Equal(400, withoutToken.Status);
        Assert.Equal(200, stillIn.Status);
        Assert.Equal((302, "/"), (loggedOut.Status, loggedOut.Location));
        Assert.Equal(302, out_.Status);
    }
}
