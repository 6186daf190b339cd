using System.ComponentModel.DataAnnotations;

namespace RealWorld.Data;

/// <summary>A page of the site: what the admin writes and the index lists.</summary>
public sealed class Page
{
    public int Id { get; set; }

    [MaxLength(Limits.TitleLength)]
    public required string Title { get; set; }

    [MaxLength(Limits.BodyLength)]
    public required string Body { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }
}
