using System;
using System.Collections.Concurrent;
using Microsoft.CodeAnalysis.Text;

namespace Flagon.Generators.Emitters
{
    /// <summary>
    /// The files the generator last wrote, each with the model it was written from, kept for the life of the process.
    /// The IDE keeps a generator's state between edits, so an unchanged model is never written again; a command-line
    /// build starts a new generator run each time (in the compiler server, the same process), and without this would
    /// write every file of a 1,000-view app again after any edit. Emitting is a pure function of the model, so a file
    /// whose model equals the one it was written from is the same text: it is handed back, not written again.
    /// </summary>
    internal static class EmittedFiles
    {
        // The compiler server builds many projects: a bound on what is kept (a few MB of text per 1,000 views).
        internal const int Capacity = 256;

        private static readonly ConcurrentDictionary<string, Entry> Files = new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal);

        private sealed class Entry
        {
            public Entry(object model, SourceText text)
            {
                Model = model;
                Text = text;
            }

            public object Model { get; }
            public SourceText Text { get; }
        }

        /// <summary>
        /// The text of the file <paramref name="hintName"/> of <paramref name="assembly"/> for <paramref name="model"/>:
        /// the one written before if it was written from an equal model, else <paramref name="emit"/>'s.
        /// </summary>
        public static SourceText GetOrEmit<TModel>(string assembly, string hintName, TModel model, Func<TModel, SourceText> emit)
            where TModel : IEquatable<TModel>
        {
            string key = assembly + "\u0000" + hintName;
            if (Files.TryGetValue(key, out var entry) && entry.Model is TModel previous && previous.Equals(model))
            {
                return entry.Text;
            }
            var text = emit(model);
            if (Files.Count >= Capacity)
            {
                Files.Clear();
            }
            Files[key] = new Entry(model!, text);
            return text;
        }

        /// <summary>Forgets every file (for measuring the cost of writing them).</summary>
        internal static void Clear() => Files.Clear();
    }
}
