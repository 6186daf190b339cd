using System.Globalization;
using System.Text;

namespace Flagon;

public static partial class Globals
{
    private static readonly string[] WindowsDeviceNames =
        ["CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3"];

    /// <summary>
    /// A version of a client's file name that is safe to store (Werkzeug's <c>secure_filename</c>): ASCII only (accents
    /// are dropped, other characters removed), no path separators, spaces as underscores, no leading dots or
    /// underscores, and never a Windows device name. The result may be empty: give the file another name then.
    /// </summary>
    /// <example><c>SecureFilename("../../../etc/passwd")</c> is <c>etc_passwd</c>; <c>SecureFilename("My cool movie.mov")</c> is <c>My_cool_movie.mov</c>.</example>
    /// <param name="filename">The name the client sent.</param>
    public static string SecureFilename(string filename)
    {
        ArgumentNullException.ThrowIfNull(filename);
        var ascii = new StringBuilder(filename.Length);
        foreach (var c in filename.Normalize(NormalizationForm.FormKD))
        {
            if (c < 128 && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Control)
            {
                ascii.Append(c is '/' or '\\' ? ' ' : c);
            }
        }
        var words = ascii.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var kept = new StringBuilder();
        foreach (var c in string.Join('_', words))
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-')
            {
                kept.Append(c);
            }
        }
        var name = kept.ToString().Trim('.', '_');
        if (name.Length > 0 && Array.IndexOf(WindowsDeviceNames, name.Split('.')[0].ToUpperInvariant()) >= 0)
        {
            name = "_" + name;
        }
        return name;
    }
}
