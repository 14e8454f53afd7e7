using System.Text;

namespace Sitrep.Core;

/// <summary>
/// The URL form used to recognise "the same page" for versions and ids: lowercase scheme and host, no
/// default port, no fragment, tracking parameters (utm_*, fbclid, gclid, …) removed, an empty path as "/".
/// Anything that is not an absolute http(s) URL is kept as given (trimmed): it is still a usable key.
/// </summary>
public static class UrlCanonicalizer
{
    private static readonly string[] TrackingPrefixes = ["utm_"];
    private static readonly HashSet<string> TrackingNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ocid", "cmpid", "_ga",
    };

    public static string? Canonicalize(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        url = url.Trim();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return url;
        var sb = new StringBuilder(url.Length);
        sb.Append(uri.Scheme).Append("://").Append(uri.IdnHost.ToLowerInvariant());
        if (!uri.IsDefaultPort) sb.Append(':').Append(uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var path = uri.AbsolutePath;
        sb.Append(path.Length == 0 ? "/" : path);
        var query = uri.Query.TrimStart('?');
        if (query.Length > 0)
        {
            var kept = query.Split('&', StringSplitOptions.RemoveEmptyEntries).Where(p => !IsTracking(p)).ToArray();
            if (kept.Length > 0) sb.Append('?').Append(string.Join('&', kept));
        }
        return sb.ToString();
    }

    private static bool IsTracking(string pair)
    {
        int eq = pair.IndexOf('=', StringComparison.Ordinal);
        var name = eq < 0 ? pair : pair[..eq];
        foreach (var prefix in TrackingPrefixes)
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return true;
        return TrackingNames.Contains(name);
    }
}
