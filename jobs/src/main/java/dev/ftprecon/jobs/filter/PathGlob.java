package dev.ftprecon.jobs.filter;

import java.io.Serializable;
import java.util.regex.Pattern;

/**
 * A shell-style glob on a transfer's name: {@code *} any run of characters except '/', {@code **}
 * any run including '/', {@code ?} one character, {@code [abc]}/{@code [!abc]} a class. A glob
 * without '/' is matched against the last segment of the name as sent ({@code *.pdf}); one with '/'
 * against the resolved absolute path ({@code /incoming/**}).
 */
public record PathGlob(String glob, Pattern regex) implements Serializable {

  public static PathGlob of(String glob) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> {
          if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
            re.append(".*");
            i++;
          } else {
            re.append("[^/]*");
          }
        }
        case '?' -> re.append("[^/]");
        case '[' -> {
          int close = glob.indexOf(']', i + 2);
          if (close < 0) {
            re.append("\\[");
          } else {
            String body = glob.substring(i + 1, close);
            boolean negate = body.startsWith("!");
            re.append('[').append(negate ? "^" : "");
            for (char b : (negate ? body.substring(1) : body).toCharArray()) {
              // Inside a regex class these would mean something; a glob class means them literally.
              re.append("\\[]^&".indexOf(b) >= 0 ? "\\" + b : String.valueOf(b));
            }
            re.append(']');
            i = close;
          }
        }
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return new PathGlob(glob, Pattern.compile(re.toString(), Pattern.DOTALL));
  }

  /** Whether the transfer's name matches: {@code path} as sent, {@code resolved} made absolute. */
  public boolean matches(String path, String resolved) {
    if (glob.indexOf('/') >= 0) {
      return resolved != null && regex.matcher(resolved).matches();
    }
    String name = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
    return regex.matcher(name).matches();
  }

  @Override
  public String toString() {
    return glob;
  }
}
