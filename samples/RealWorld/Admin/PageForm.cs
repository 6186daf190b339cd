using System.ComponentModel.DataAnnotations;
using RealWorld.Data;

namespace RealWorld.Admin;

/// <summary>The new-page and edit-page form, checked with DataAnnotations.</summary>
public sealed class PageForm
{
    [Required(ErrorMessage = "A page needs a title.")]
    [StringLength(Limits.TitleLength, ErrorMessage = "The title is at most {1} characters.")]
    public string? Title { get; init; }

    [Required(ErrorMessage = "A page needs a body.")]
    [StringLength(Limits.BodyLength, ErrorMessage = "The body is at most {1} characters.")]
    public string? Body { get; init; }

    /// <summary>The form as posted.</summary>
    public static PageForm FromRequest(Microsoft.AspNetCore.Http.IFormCollection form) =>
        new() { Title = form["title"].ToString().Trim(), Body = form["body"].ToString().Trim() };

    /// <summary>The form's errors by field (<c>title</c>, <c>body</c>); empty when it is valid.</summary>
    public Dictionary<string, string> Validate()
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames)
            {
                errors.TryAdd(member.ToLowerInvariant(), result.ErrorMessage ?? "Invalid.");
            }
        }
        return errors;
    }
}
