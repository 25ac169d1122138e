# bash completion for relgraph (installed as share/bash-completion/completions/relgraph).
# Completes subcommands, the subcommands of `train` and `eval`, common flags,
# output formats and file names.
_relgraph() {
  local cur prev
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD-1]}
  local commands="extract render convert query merge parse entities rules train eval"
  local flags="--help --output --format --models --schemas --pretokenized --stats --jsonl --threads --stream --disable
    --quiet --verbose --min-confidence --top --focus --hops --keep-isolated --max-size --json"
  case $prev in
    --format)
      COMPREPLY=($(compgen -W "jsonld graphml dot tsv ntriples svg png pdf html carb" -- "$cur"))
      return ;;
    --models|--schemas)
      COMPREPLY=($(compgen -d -- "$cur"))
      return ;;
    -o|--output|--jsonl)
      COMPREPLY=($(compgen -f -- "$cur"))
      return ;;
  esac
  if ((COMP_CWORD == 1)); then
    COMPREPLY=($(compgen -W "$commands --help --version" -- "$cur"))
    return
  fi
  case ${COMP_WORDS[1]} in
    train)
      if ((COMP_CWORD == 2)); then
        COMPREPLY=($(compgen -W "tokenizer tagger parser ner relations" -- "$cur"))
        return
      fi ;;
    eval)
      if ((COMP_CWORD == 2)); then
        COMPREPLY=($(compgen -W "ud ner carb kg docred" -- "$cur"))
        return
      fi ;;
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$flags" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -o filenames -F _relgraph relgraph
