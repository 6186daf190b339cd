using Microsoft.EntityFrameworkCore;

namespace FlagonApp;

/// <summary>models.py: the app's data, in EF Core.</summary>
public sealed class NotesDb(DbContextOptions<NotesDb> options) : DbContext(options)
{
    public DbSet<Note> Notes => Set<Note>();
}

/// <summary>A note: its text and when it was written.</summary>
public sealed class Note
{
    public int Id { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset Created { get; set; }
}
