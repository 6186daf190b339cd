using Flagon;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RealWorld.Admin;

/// <summary>
/// Uploaded images: kept in the instance folder's <c>uploads</c>, under a safe name (Werkzeug's secure_filename),
/// never over another file; only PNG, JPEG, GIF and WebP (by their first bytes, not only the name), at most
/// <c>UPLOAD_MAX_BYTES</c> (2 MB).
/// </summary>
public static class Uploads
{
    private static readonly (string Extension, byte[] Magic)[] Images =
    [
        (".png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        (".jpg", [0xFF, 0xD8, 0xFF]),
        (".jpeg", [0xFF, 0xD8, 0xFF]),
        (".gif", "GIF8"u8.ToArray()),
        (".webp", "RIFF"u8.ToArray()),
    ];

    /// <summary>The folder of <paramref name="app"/>'s uploads.</summary>
    public static string Folder(App app) => Path.Combine(app.InstancePath, "uploads");

    /// <summary>The largest upload accepted.</summary>
    public static long MaxBytes(App app) => long.TryParse(app.Config["UPLOAD_MAX_BYTES"], out var max) ? max : 2 * 1024 * 1024;

    /// <summary>The names of the stored files, newest first.</summary>
    public static IReadOnlyList<string> List(App app) =>
        Directory.Exists(Folder(app))
            ? [.. new DirectoryInfo(Folder(app)).EnumerateFiles().OrderByDescending(f => f.LastWriteTimeUtc).Select(f => f.Name)]
            : [];

    /// <summary>
    /// Stores <paramref name="file"/>; returns its stored name, or why it was refused and the status to answer: 400 for
    /// a file the site does not take, 507 when it could not be written (a full disk), in which case nothing is kept.
    /// </summary>
    public static async Task<(string? Name, string? Error, int Status)> SaveAsync(App app, IFormFile? file)
    {
        if (file is null || file.Length == 0)
        {
            return (null, "Choose an image to upload.", 400);
        }
        if (file.Length > MaxBytes(app))
        {
            return (null, $"The image is larger than {MaxBytes(app) / 1024} KB.", 400);
        }
        var name = Globals.SecureFilename(file.FileName);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        var head = new byte[12];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false);
        }
        bool isImage = Images.Any(i => i.Extension == extension && head.AsSpan().StartsWith(i.Magic))
            && (extension != ".webp" || head.AsSpan(8, 4).SequenceEqual("WEBP"u8));
        if (!isImage)
        {
            return (null, "Only PNG, JPEG, GIF and WebP images can be uploaded.", 400);
        }
        var folder = Folder(app);
        Directory.CreateDirectory(folder);
        var stem = Path.GetFileNameWithoutExtension(name) is { Length: > 0 } s ? s : "image";
        for (int i = 0; ; i++)
        {
            var stored = i == 0 ? stem + extension : $"{stem}-{i}{extension}";
            FileStream target;
            try
            {
                // CreateNew: two uploads of one name at once cannot both take it.
                target = new FileStream(Path.Combine(folder, stored), FileMode.CreateNew);
            }
            catch (IOException) when (File.Exists(Path.Combine(folder, stored)))
            {
                continue;
            }
            var path = Path.Combine(folder, stored);
            try
            {
                await using (target)
                {
                    await file.CopyToAsync(target);
                }
            }
            catch (IOException failure)
            {
                // A full disk (or any write failure): no partial file is left behind, and the log says why.
                File.Delete(path);
                app.Logger.LogWarning(failure, "The upload {File} could not be written; nothing was kept", stored);
                return (null, "The image could not be stored (the server's disk may be full); nothing was kept. Try again later.", 507);
            }
            return (stored, null, 200);
        }
    }
}
