namespace Flagon.Generators.Shared
{
    /// <summary>Flask names an endpoint after its view function; shared by the generator and the runtime.</summary>
    internal static class EndpointNames
    {
        /// <summary>A C# method name in Flask's snake_case: <c>DefaultPage</c> becomes <c>default_page</c>.</summary>
        public static string FromMethod(string name)
        {
            var builder = new System.Text.StringBuilder(name.Length + 4);
            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                if (char.IsUpper(c))
                {
                    bool boundary = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1])
                        || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1])));
                    if (boundary && builder.Length > 0 && builder[builder.Length - 1] != '_')
                    {
                        builder.Append('_');
                    }
                    builder.Append(char.ToLowerInvariant(c));
                }
                else
                {
                    builder.Append(c);
                }
            }
            return builder.ToString();
        }

        /// <summary>The typed UrlFor method of an endpoint: <c>default_page</c> becomes <c>DefaultPage</c>.</summary>
        public static string ToMethod(string endpoint)
        {
            var builder = new System.Text.StringBuilder();
            bool upper = true;
            foreach (char c in endpoint)
            {
                if (!char.IsLetterOrDigit(c))
                {
                    upper = true;
                    continue;
                }
                builder.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            if (builder.Length == 0 || char.IsDigit(builder[0]))
            {
                builder.Insert(0, '_');
            }
            return builder.ToString();
        }
    }
}
