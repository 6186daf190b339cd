using System;
using System.Collections.Generic;
using System.Linq;

namespace Flagon.Analyzers
{
    /// <summary>"Did you mean …?": the known name closest to a mistyped one (Levenshtein distance).</summary>
    internal static class Suggestions
    {
        public static string? Closest(string name, IEnumerable<string> known) =>
            known.Select(k => (Name: k, Distance: Distance(name, k)))
                .Where(k => k.Distance <= Math.Max(2, name.Length / 3))
                .OrderBy(k => k.Distance).ThenBy(k => k.Name, StringComparer.Ordinal)
                .Select(k => k.Name)
                .FirstOrDefault();

        private static int Distance(string a, string b)
        {
            var previous = Enumerable.Range(0, b.Length + 1).ToArray();
            for (int i = 1; i <= a.Length; i++)
            {
                var current = new int[b.Length + 1];
                current[0] = i;
                for (int j = 1; j <= b.Length; j++)
                {
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                }
                previous = current;
            }
            return previous[b.Length];
        }
    }
}
