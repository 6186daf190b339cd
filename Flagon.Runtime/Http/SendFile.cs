using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;

namespace Flagon;

// Flask's send_file and send_from_directory, on ASP.NET Core's file-serving code (PhysicalFileHttpResult): ETag and
// Last-Modified, 304 for If-None-Match and If-Modified-Since, Range requests (206, 416), HEAD.
public static partial class Globals
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <summary>
    /// Sends a file (Flask's <c>send_file</c>): its content type from the extension, an <c>ETag</c> and
    /// <c>Last-Modified</c>, a 304 when the client's copy is current, partial content for a <c>Range</c> request.
    /// The file is read when the response is written, never into memory.
    /// </summary>
    /// <param name="path">The file; a relative path is from the current directory. Never pass a path a client chose: use <see cref="SendFromDirectory"/>.</param>
    /// <param name="mimetype">
    /// The content type; from the extension when null (<c>application/octet-stream</c> if unknown). Text types get
    /// <c>; charset=utf-8</c>, as Werkzeug's do.
    /// </param>
    /// <param name="asAttachment">
    /// Ask the browser to save it (<c>Content-Disposition: attachment</c>) rather than show it (<c>inline</c>, with the
    /// file's name, as Werkzeug sends it).
    /// </param>
    /// <param name="downloadName">The file name the browser shows or saves as; the file's own when null.</param>
    /// <param name="maxAge">How long clients may cache it without asking (<c>Cache-Control: public, max-age</c>); <c>no-cache</c> when null.</param>
    /// <exception cref="HttpError">404 when the file does not exist.</exception>
    public static Response SendFile(string path, string? mimetype = null, bool asAttachment = false, string? downloadName = null, TimeSpan? maxAge = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = new FileInfo(Path.GetFullPath(path));
        if (!file.Exists)
        {
            throw new HttpError(StatusCodes.Status404NotFound);
        }
        var name = downloadName ?? file.Name;
        // As Werkzeug's send_file: text types say they are UTF-8 (a browser guesses otherwise, and garbles é).
        var type = Response.WithCharset(mimetype ?? (ContentTypes.TryGetContentType(name, out var known) ? known : "application/octet-stream"));
        var lastModified = new DateTimeOffset(file.LastWriteTimeUtc.Ticks - (file.LastWriteTimeUtc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var etag = new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{lastModified.ToUnixTimeSeconds():x}-{file.Length:x}\"");
        var result = TypedResults.PhysicalFile(file.FullName, type, asAttachment ? name : null, lastModified, etag, enableRangeProcessing: true);
        var response = Response.FromResult(result);
        if (!asAttachment)
        {
            // Werkzeug's send_file names the file inline too: the name a browser saves it under.
            var inline = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("inline");
            inline.SetHttpFileName(name);
            response.Headers.ContentDisposition = inline.ToString();
        }
        response.Headers.CacheControl = maxAge is { } age ? $"public, max-age={(long)age.TotalSeconds}" : "no-cache";
        return response;
    }

    /// <summary>
    /// Sends a file from a directory, by a path a client may have chosen (Flask's <c>send_from_directory</c>): the path
    /// is joined safely (Werkzeug's <c>safe_join</c>: no <c>..</c>, no absolute path, no backslash, no NUL), and a
    /// path that leaves the directory, or no file, is a 404.
    /// </summary>
    /// <param name="directory">The directory; a relative one is from the current directory.</param>
    /// <param name="path">The file's path inside it, with <c>/</c> separators.</param>
    /// <param name="mimetype">The content type; from the extension when null.</param>
    /// <param name="asAttachment">Ask the browser to save it.</param>
    /// <param name="downloadName">The file name the browser shows or saves as.</param>
    /// <param name="maxAge">How long clients may cache it without asking.</param>
    /// <exception cref="HttpError">404 when the path is unsafe or names no file.</exception>
    public static Response SendFromDirectory(string directory, string path, string? mimetype = null, bool asAttachment = false, string? downloadName = null, TimeSpan? maxAge = null) =>
        SendFile(SafeJoin(directory, path) ?? throw new HttpError(StatusCodes.Status404NotFound), mimetype, asAttachment, downloadName, maxAge);

    /// <summary>
    /// Joins <paramref name="path"/> under <paramref name="directory"/> (Werkzeug's <c>safe_join</c>), or null when it
    /// would leave the directory or holds what no safe file name does.
    /// </summary>
    public static string? SafeJoin(string directory, string path)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (string.IsNullOrEmpty(path) || path.Contains('\\') || path.Contains('\0') || path.StartsWith('/') || Path.IsPathRooted(path))
        {
            return null;
        }
        foreach (var part in path.Split('/'))
        {
            if (part == "..")
            {
                return null;
            }
        }
        var root = Path.GetFullPath(directory);
        var full = Path.GetFullPath(Path.Combine(root, path));
        var inside = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        return full.StartsWith(inside, StringComparison.Ordinal) && !Directory.Exists(full) ? full : null;
    }
}
