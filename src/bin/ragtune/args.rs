//! A small argument reader: positionals, `--flag`, `--key value` and `--key=value`.
//! Global `--help` and `--version` are turned into the `help` and `version` commands.

/// The command line, consumed from the front by subcommands.
pub struct Args {
    rest: Vec<String>,
}

impl Args {
    /// Reads the process arguments (without the program name).
    pub fn from_env() -> Self {
        Self::from_vec(std::env::args().skip(1).collect())
    }

    /// Builds from explicit arguments. `--help`/`-h` anywhere wins; `--version`/`-V` only as
    /// the first argument, because subcommands take `--version vN` (a corpus version).
    pub fn from_vec(mut rest: Vec<String>) -> Self {
        if rest.iter().any(|a| a == "--help" || a == "-h") {
            rest = vec!["help".into()];
        } else if rest.first().is_some_and(|a| a == "--version" || a == "-V") {
            rest = vec!["version".into()];
        }
        Self { rest }
    }

    /// Removes and returns the first argument that is not an option.
    /// Subcommands take their `value()` options first, so option values are never mistaken
    /// for positionals.
    pub fn next_positional(&mut self) -> Option<String> {
        let at = self.rest.iter().position(|a| !a.starts_with("--"))?;
        Some(self.rest.remove(at))
    }

    /// Removes `--name` if present.
    #[allow(dead_code)] // used by some subcommands only
    pub fn flag(&mut self, name: &str) -> bool {
        let long = format!("--{name}");
        match self.rest.iter().position(|a| *a == long) {
            Some(at) => {
                self.rest.remove(at);
                true
            }
            None => false,
        }
    }

    /// Removes `--name value` or `--name=value` and returns the value.
    #[allow(dead_code)] // used by some subcommands only
    pub fn value(&mut self, name: &str) -> Option<String> {
        let long = format!("--{name}");
        let prefixed = format!("{long}=");
        if let Some(at) = self.rest.iter().position(|a| a.starts_with(&prefixed)) {
            return Some(self.rest.remove(at)[prefixed.len()..].to_string());
        }
        let at = self.rest.iter().position(|a| *a == long)?;
        if at + 1 < self.rest.len() {
            self.rest.remove(at);
            return Some(self.rest.remove(at));
        }
        None
    }

    /// Errors if anything was not consumed, so typos are not silently ignored.
    #[allow(dead_code)] // used by some subcommands only
    pub fn finish(self) -> Result<(), String> {
        match self.rest.first() {
            None => Ok(()),
            Some(extra) => Err(format!("unexpected argument '{extra}'")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Args;

    fn args(list: &[&str]) -> Args {
        Args::from_vec(list.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn version_is_global_only_in_front() {
        assert_eq!(
            args(&["--version"]).next_positional().as_deref(),
            Some("version")
        );
        let mut sub = args(&["corpus", "chunks", "--version", "v1"]);
        assert_eq!(sub.next_positional().as_deref(), Some("corpus"));
        assert_eq!(sub.value("version").as_deref(), Some("v1"));
        assert_eq!(sub.next_positional().as_deref(), Some("chunks"));
        assert!(sub.finish().is_ok());
    }

    #[test]
    fn help_anywhere_wins_and_leftovers_are_errors() {
        assert_eq!(
            args(&["eval", "--help"]).next_positional().as_deref(),
            Some("help")
        );
        let mut extra = args(&["ask", "--bogus"]);
        extra.next_positional();
        assert!(extra.finish().is_err());
        assert_eq!(args(&["x", "--k=7"]).value("k").as_deref(), Some("7"));
    }
}
