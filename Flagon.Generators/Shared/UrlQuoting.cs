using System.Collections.Generic;
using System.Text;

namespace Flagon.Generators.Shared
{
    /// <summary>
    /// Percent-encoding as Werkzeug quotes URLs: the static text of a rule (and a blueprint's or the app's prefix) is
    /// written into built URLs with every character but the unreserved ones, <c>/</c> and <c>!$&amp;'()*+,;=:@</c>
    /// encoded as UTF-8 (<c>/лошадь</c> is <c>/%D0%BB%D0%BE%D1%88%D0%B0%D0%B4%D1%8C</c>); a redirect's location has its
    /// non-ASCII characters, spaces and control characters encoded and the rest kept (Werkzeug's <c>iri_to_uri</c>).
    /// Shared by the generator (rule text quoted once, at build time) and the runtime.
    /// </summary>
    internal static class UrlQuoting
    {
        private const string Hex = "0123456789ABCDEF";

        /// <summary>Static path text, quoted for a URL (unchanged, and not copied, when nothing needs it).</summary>
        public static string QuotePath(string text)
        {
            int i = 0;
            while (i < text.Length && IsPathSafe(text[i]))
            {
                i++;
            }
            if (i == text.Length)
            {
                return text;
            }
            var quoted = new StringBuilder(text.Length + 16).Append(text, 0, i);
            Encode(text, i, quoted, IsPathSafe);
            return quoted.ToString();
        }

        /// <summary>
        /// A location (absolute or relative, maybe already quoted) made ASCII for a <c>Location</c> header: non-ASCII
        /// characters, spaces and control characters percent-encoded as UTF-8, everything else (<c>%</c>, <c>?</c>,
        /// <c>#</c>, <c>:</c>) kept.
        /// </summary>
        public static string IriToUri(string location)
        {
            int i = 0;
            while (i < location.Length && IsUriSafe(location[i]))
            {
                i++;
            }
            if (i == location.Length)
            {
                return location;
            }
            var quoted = new StringBuilder(location.Length + 16).Append(location, 0, i);
            Encode(location, i, quoted, IsUriSafe);
            return quoted.ToString();
        }

        /// <summary>
        /// A URL as Werkzeug shows it (its <c>uri_to_iri</c>, as <c>request.url</c> has it): percent-encoded UTF-8 of
        /// characters beyond ASCII back to the characters (<c>%C3%A9</c> → <c>é</c>); every ASCII escape (<c>%20</c>,
        /// <c>%2F</c>, <c>%25</c>), and bytes that are not UTF-8, kept as they are.
        /// </summary>
        public static string UriToIri(string uri)
        {
            if (uri.IndexOf('%') < 0)
            {
                return uri;
            }
            var text = new StringBuilder(uri.Length);
            var bytes = new List<byte>();
            int i = 0;
            while (i < uri.Length)
            {
                int start = i;
                bytes.Clear();
                while (IsNonAsciiEscape(uri, i))
                {
                    bytes.Add((byte)System.Uri.HexUnescape(uri, ref i));
                }
                if (bytes.Count == 0)
                {
                    text.Append(uri[i++]);
                    continue;
                }
                try
                {
                    text.Append(StrictUtf8.GetString(bytes.ToArray()));
                }
                catch (DecoderFallbackException)
                {
                    text.Append(uri, start, i - start);
                }
            }
            return text.ToString();
        }

        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        // A %XX escape at index of a byte beyond ASCII.
        private static bool IsNonAsciiEscape(string uri, int index)
        {
            if (!System.Uri.IsHexEncoding(uri, index))
            {
                return false;
            }
            return System.Uri.HexUnescape(uri, ref index) >= '\u0080';
        }

        private static void Encode(string text, int from, StringBuilder quoted, System.Func<char, bool> safe)
        {
            var bytes = new byte[4];
            var one = new char[2];
            for (int i = from; i < text.Length; i++)
            {
                char c = text[i];
                if (safe(c))
                {
                    quoted.Append(c);
                    continue;
                }
                int length = 1;
                one[0] = c;
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    one[1] = text[++i];
                    length = 2;
                }
                else if (char.IsSurrogate(c))
                {
                    one[0] = '\uFFFD'; // a lone surrogate is not text: the replacement character, as UTF-8 writes it
                }
                int count = Encoding.UTF8.GetBytes(one, 0, length, bytes, 0);
                for (int b = 0; b < count; b++)
                {
                    quoted.Append('%').Append(Hex[bytes[b] >> 4]).Append(Hex[bytes[b] & 0xF]);
                }
            }
        }

        /// <summary>RFC 3986's unreserved characters: never encoded.</summary>
        public static bool IsUnreserved(char c) =>
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';

        /// <summary>The sub-delimiters (and <c>:</c>, <c>@</c>) Werkzeug keeps in a path part; '%', '?' and '#' are always encoded.</summary>
        public static bool IsSubDelimiterKept(char c) =>
            c == '!' || c == '$' || c == '&' || c == '\'' || c == '(' || c == ')' || c == '*' || c == '+' || c == ',' || c == ';' || c == '='
            || c == ':' || c == '@';

        private static bool IsPathSafe(char c) => IsUnreserved(c) || c == '/' || IsSubDelimiterKept(c);

        private static bool IsUriSafe(char c) => c > ' ' && c < '\u007F';
    }
}
