using System.Net.Http.Headers;

namespace RealWorld.Tests;

/// <summary>Image uploads: checked, stored under a safe name, served with ETag and 304.</summary>
public class UploadTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];

    // A multipart form sent as a browser sends it (the test client is an HttpClient that keeps the cookies).
    private static async Task<(int Status, string? Location, string Text)> Upload(Site site, byte[] bytes, string filename)
    {
        var token = await site.TokenFrom("/admin/uploads");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } }, "image", filename },
        };
        using var response = await site.Client.PostAsync("/admin/uploads", form);
        return ((int)response.StatusCode, response.Headers.Location?.OriginalString, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_image_is_stored_under_a_safe_name_and_served_with_a_304_for_a_repeat()
    {
        using var site = new Site().WithUser();
        await site.LogIn();

        var uploaded = await Upload(site, Png, "../../My Photo.png");
        var listing = await site.Client.Get("/admin/uploads");
        var served = await site.Client.Get("/uploads/My_Photo.png");
        var again = await site.Client.Get("/uploads/My_Photo.png", headers: [new("If-None-Match", served.Header("ETag")!)]);

        Assert.Equal((302, "/admin/uploads"), (uploaded.Status, uploaded.Location));
        Assert.Contains("Uploaded My_Photo.png.", listing.Text);
        Assert.Contains("src=\"/uploads/My_Photo.png\"", listing.Text);
        Assert.Equal((200, "image/png"), (served.Status, served.ContentType));
        Assert.Equal(Png, served.Bytes);
        Assert.Equal(304, again.Status);
        Assert.True(File.Exists(Path.Combine(site.Instance, "uploads", "My_Photo.png")));
    }

    [Fact]
    public async Task A_second_image_of_the_same_name_does_not_replace_the_first()
    {
        using var site = new Site().WithUser();
        await site.LogIn();

        await Upload(site, Png, "cat.png");
        await Upload(site, [.. Png, 1], "cat.png");

        Assert.Equal(Png.Length, new FileInfo(Path.Combine(site.Instance, "uploads", "cat.png")).Length);
        Assert.Equal(Png.Length + 1, new FileInfo(Path.Combine(site.Instance, "uploads", "cat-1.png")).Length);
    }

    [Fact]
    public async Task What_is_not_an_image_or_too_large_is_refused_and_not_stored()
    {
        using var site = new Site(null, "--UPLOAD_MAX_BYTES", "64").WithUser();
        await site.LogIn();

        var script = await Upload(site, "<?php echo 1; ?>"u8.ToArray(), "shell.png");
        var renamed = await Upload(site, Png, "image.html");
        var large = await Upload(site, [.. Png, .. new byte[100]], "big.png");

        Assert.Equal(400, script.Status);
        Assert.Contains("Only PNG, JPEG, GIF and WebP images can be uploaded.", script.Text);
        Assert.Equal(400, renamed.Status);
        Assert.Equal(400, large.Status);
        Assert.Contains("larger than", large.Text);
        Assert.False(Directory.Exists(Path.Combine(site.Instance, "uploads")) && Directory.EnumerateFiles(Path.Combine(site.Instance, "uploads")).Any());
    }

    [Fact]
    public async Task Uploading_needs_a_login_and_downloading_does_not_leave_the_folder()
    {
        using var site = new Site();

        var anonymous = await site.Client.Get("/admin/uploads");
        var traversal = await site.Client.Get("/uploads/..%2frealworld.db");

        Assert.Equal(302, anonymous.Status);
        Assert.Equal(404, traversal.Status);
    }

    /// <summary>An upload's bytes that stop with the error a full disk gives, after <c>good</c> bytes.</summary>
    private sealed class FailingStream(byte[] good) : MemoryStream(good)
    {
        public override int Read(byte[] buffer, int offset, int count) =>
            Position < Length ? base.Read(buffer, offset, count) : throw new IOException("No space left on device", 28);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Position < Length ? base.ReadAsync(buffer, cancellationToken) : throw new IOException("No space left on device", 28);
    }

    [Fact]
    public async Task A_write_that_fails_midway_keeps_no_partial_file_and_answers_507()
    {
        using var site = new Site();
        byte[] start = [.. Png, .. new byte[64 * 1024]];
        var file = new Microsoft.AspNetCore.Http.FormFile(new FailingStream(start), 0, start.Length + 1024, "image", "big.png");

        var (name, error, status) = await RealWorld.Admin.Uploads.SaveAsync(site.App, file);

        Assert.Equal((null, 507), (name, status));
        Assert.Contains("could not be stored", error);
        Assert.Empty(RealWorld.Admin.Uploads.List(site.App));   // the 64 KB written before the failure are gone
    }
}
