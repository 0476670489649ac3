"""Error prose in the caller's language.

Services raise errors in English (the text developers and logs see). At the gRPC boundary
each message and field-violation description is matched against the phrase table below and,
when the caller asked for another language (`accept-language` metadata), rendered from the
matching template with the same values. A text no phrase matches stays English, so a
missing translation degrades to English, never to an error.

Templates use `str.format` syntax: `{name}` is a value carried over as it is (ids, numbers,
field paths), `{resource}` names an entity and is translated as a noun, `{detail}` is itself
a phrase and is translated in turn where one matches, and `{{`/`}}` are literal braces.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

from common.i18n import DEFAULT_LANGUAGE

# English template → German template.
PHRASES_DE: dict[str, str] = {
    # Field checks (common.validation and the domain rules).
    "is required": "ist erforderlich",
    "must be at most {n} characters": "darf höchstens {n} Zeichen lang sein",
    "must not start or end with whitespace": "darf nicht mit Leerraum beginnen oder enden",
    "must not contain control characters": "darf keine Steuerzeichen enthalten",
    "may contain only letters, digits, '.', '_' and '-'": (
        "darf nur Buchstaben, Ziffern, '.', '_' und '-' enthalten"
    ),
    "must be an email address": "muss eine E-Mail-Adresse sein",
    "must be a UUID": "muss eine UUID sein",
    "must list at most {n} values": "darf höchstens {n} Werte enthalten",
    "must be greater than 0": "muss größer als 0 sein",
    "must not be negative": "darf nicht negativ sein",
    "must not be 0": "darf nicht 0 sein",
    "must be at most {n}": "darf höchstens {n} sein",
    "must be between {low} and {high}": "muss zwischen {low} und {high} liegen",
    "must be one of {options}": "muss einer dieser Werte sein: {options}",
    "must list at least one of {options}": (
        "muss mindestens einen dieser Werte enthalten: {options}"
    ),
    "must be a number": "muss eine Zahl sein",
    "must be a phone number, e.g. {example}": "muss eine Telefonnummer sein, z. B. {example}",
    "must be an ISO 3166-1 alpha-2 code in capitals, e.g. IN or DE": (
        "muss ein ISO-3166-1-Alpha-2-Code in Großbuchstaben sein, z. B. IN oder DE"
    ),
    "must not be blank": "darf nicht leer sein",
    "must not be the category itself": "darf nicht die Kategorie selbst sein",
    "must have at most {n} lines": "darf höchstens {n} Zeilen haben",
    "must have at most {n} entries": "darf höchstens {n} Einträge haben",
    "must have at most {n} headers": "darf höchstens {n} Header haben",
    "must contain at least one line": "muss mindestens eine Position enthalten",
    "must contain at most {n} lines": "darf höchstens {n} Positionen enthalten",
    "at least one line is required": "mindestens eine Position ist erforderlich",
    "must be at most {n} days": "darf höchstens {n} Tage betragen",
    "has more than a second of nanos": "hat mehr als eine Sekunde an Nanosekunden",
    "is not a valid timestamp": "ist kein gültiger Zeitstempel",
    "must be after start_time": "muss nach start_time liegen",
    "must not be after to_time": "darf nicht nach to_time liegen",
    "set either set_quantity_on_hand or delta_quantity_on_hand": (
        "entweder set_quantity_on_hand oder delta_quantity_on_hand angeben"
    ),
    "list at least one SKU id": "mindestens eine SKU-ID angeben",
    "give sku_id or sku_code": "sku_id oder sku_code angeben",
    "is not the code of SKU {sku}": "ist nicht der Code der SKU {sku}",
    "contradicts line {line} for this SKU": "widerspricht Zeile {line} für diese SKU",
    "the SKU's lines add up to more than {n}": "die Positionen der SKU ergeben mehr als {n}",
    "the lines of SKU {sku} add up to more than {n}": (
        "die Positionen der SKU {sku} ergeben mehr als {n}"
    ),
    "the lines for hub {hub} and SKU {sku} add up to more than {n}": (
        "die Positionen für Hub {hub} und SKU {sku} ergeben mehr als {n}"
    ),
    "is not a known delivery state": "ist kein bekannter Zustellstatus",
    "is set by the dispatcher and cannot be overridden": (
        "wird vom Dispatcher gesetzt und kann nicht überschrieben werden"
    ),
    "name must be an HTTP token of at most {n} characters": (
        "der Name muss ein HTTP-Token mit höchstens {n} Zeichen sein"
    ),
    "repeats header {name} (names are case-insensitive)": (
        "wiederholt den Header {name} (Groß-/Kleinschreibung zählt nicht)"
    ),
    "the name must not be blank": "der Name darf nicht leer sein",
    "the name must not contain control characters": "der Name darf keine Steuerzeichen enthalten",
    "the name must be at most {n} characters": "der Name darf höchstens {n} Zeichen lang sein",
    "the value must be at most {n} characters": "der Wert darf höchstens {n} Zeichen lang sein",
    "value must be at most {n} characters": "der Wert darf höchstens {n} Zeichen lang sein",
    "value must be printable ASCII": "der Wert muss aus druckbarem ASCII bestehen",
    "value must not contain CR, LF or NUL": "der Wert darf kein CR, LF oder NUL enthalten",
    "value must not start or end with whitespace": (
        "der Wert darf nicht mit Leerraum beginnen oder enden"
    ),
    "must be an error file name: {{upload_id}}_errors.csv": (
        "muss ein Fehlerdateiname sein: {{upload_id}}_errors.csv"
    ),
    "the form's tenant_id differs from the request's": (
        "die tenant_id des Formulars weicht von der der Anfrage ab"
    ),
    "'*' cannot be combined with other paths": (
        "'*' kann nicht mit anderen Pfaden kombiniert werden"
    ),
    "{path} cannot be changed": "{path} kann nicht geändert werden",
    "{path} is not an updatable field": "{path} ist kein änderbares Feld",
    "unknown status {status}": "unbekannter Status {status}",
    "already exists": "existiert bereits",
    "is malformed": "ist fehlerhaft",
    "does not belong to a request with these filters": (
        "gehört nicht zu einer Anfrage mit diesen Filtern"
    ),
    "was already used for a different request": "wurde bereits für eine andere Anfrage verwendet",
    "tenant does not exist": "der Mandant existiert nicht",
    "would make the category its own ancestor (a cycle)": (
        "würde die Kategorie zu ihrem eigenen Vorfahren machen (ein Zyklus)"
    ),
    # Whole-request errors.
    "{resource} {id} not found": "{resource} {id} nicht gefunden",
    "{resource} with {field} {value} already exists": (
        "{resource} mit {field} {value} existiert bereits"
    ),
    "{resource} {id} is still used by {users}; remove those first": (
        "{resource} {id} wird noch verwendet ({users}); diese zuerst entfernen"
    ),
    "no such {resource}": "{resource} existiert nicht",
    "{field}: no such {resource} in this tenant": (
        "{field}: {resource} existiert in diesem Mandanten nicht"
    ),
    "not found in the tenant: {items}": "im Mandanten nicht gefunden: {items}",
    "hub {hub} does not exist for this tenant": "Hub {hub} existiert für diesen Mandanten nicht",
    "SKU {sku} does not exist for this tenant": "SKU {sku} existiert für diesen Mandanten nicht",
    "hub {hub} does not belong to seller {seller}": (
        "Hub {hub} gehört nicht zum Verkäufer {seller}"
    ),
    "category.parent_id: {id} is the category itself or one of its descendants": (
        "category.parent_id: {id} ist die Kategorie selbst oder einer ihrer Nachfahren"
    ),
    "an order in status {status} cannot be cancelled": (
        "eine Bestellung im Status {status} kann nicht storniert werden"
    ),
    "order {id} cannot be cancelled: its stock was already consumed": (
        "Bestellung {id} kann nicht storniert werden: ihr Bestand wurde bereits verbraucht"
    ),
    "the order kept changing while being cancelled; retry": (
        "die Bestellung änderte sich während der Stornierung fortlaufend; bitte erneut versuchen"
    ),
    "{field}: already used by order {id}, created by a different request": (
        "{field}: bereits von Bestellung {id} belegt, die eine andere Anfrage erstellt hat"
    ),
    "error file {name} is corrupt": "Fehlerdatei {name} ist beschädigt",
    "the inventory service refused: {details}": "der Bestandsdienst lehnte ab: {details}",
    "the inventory service failed ({details})": "der Bestandsdienst ist fehlgeschlagen ({details})",
    "the inventory service is unavailable ({details}); retry later": (
        "der Bestandsdienst ist nicht erreichbar ({details}); bitte später erneut versuchen"
    ),
    # Upload states (stored prose, rendered in the reader's language by GetUpload).
    "the file is empty": "die Datei ist leer",
    "invalid header: {detail}": "ungültige Kopfzeile: {detail}",
    "the header has no {field} column": "der Kopfzeile fehlt die Spalte {field}",
    "the header names column {field} twice": "die Kopfzeile nennt die Spalte {field} zweimal",
    "the header (line {line}) is longer than {n} characters": (
        "die Kopfzeile (Zeile {line}) ist länger als {n} Zeichen"
    ),
    "the file is not UTF-8 text (line {line}: {reason}); save it as UTF-8 CSV and upload it "
    "again": (
        "die Datei ist kein UTF-8-Text (Zeile {line}: {reason}); bitte als UTF-8-CSV speichern "
        "und erneut hochladen"
    ),
    "the file is not valid CSV ({reason})": "die Datei ist kein gültiges CSV ({reason})",
    "the uploaded file no longer exists in storage": (
        "die hochgeladene Datei ist nicht mehr im Speicher vorhanden"
    ),
    "processing failed {n} times ({detail}); the file was set aside for an operator to retry": (
        "die Verarbeitung ist {n}-mal fehlgeschlagen ({detail}); die Datei wurde für einen "
        "erneuten Versuch durch den Betrieb zurückgelegt"
    ),
    "the file could not be stored": "die Datei konnte nicht gespeichert werden",
    "the file could not be queued for processing": (
        "die Datei konnte nicht zur Verarbeitung eingereiht werden"
    ),
    "the file could not be stored; please try again": (
        "die Datei konnte nicht gespeichert werden; bitte erneut versuchen"
    ),
    "the file could not be queued for processing; please try again": (
        "die Datei konnte nicht zur Verarbeitung eingereiht werden; bitte erneut versuchen"
    ),
    "the error file cannot be read": "die Fehlerdatei kann nicht gelesen werden",
    "the upload cannot be recorded": "der Upload kann nicht erfasst werden",
    "the inventory service was unavailable": "der Bestandsdienst war nicht erreichbar",
    "a storage service was unavailable": "ein Speicherdienst war nicht erreichbar",
    "an internal error": "ein interner Fehler",
    # Authentication and access (common.grpc.auth, common.auth.access).
    "a credential is required: authorization: Bearer <key>": (
        "eine Anmeldung ist erforderlich: authorization: Bearer <Schlüssel>"
    ),
    "the credential is not valid": "die Anmeldedaten sind ungültig",
    "the credential lacks the {scope} scope": "den Anmeldedaten fehlt die Berechtigung {scope}",
    "only the admin credential may do this": "nur die Administrator-Anmeldung darf das",
    "only service credentials may do this": "nur Dienst-Anmeldungen dürfen das",
    "must be the credential's tenant": "muss der Mandant der Anmeldedaten sein",
    "{field}: must be the credential's tenant": "{field}: muss der Mandant der Anmeldedaten sein",
    "rate limit exceeded; retry later": (
        "Anfragelimit überschritten; bitte später erneut versuchen"
    ),
    "this method has no access rule": "für diese Methode ist keine Zugriffsregel festgelegt",
}

NOUNS_DE: dict[str, str] = {
    "tenant": "Mandant",
    "seller": "Verkäufer",
    "category": "Kategorie",
    "hub": "Hub",
    "sku": "SKU",
    "SKU": "SKU",
    "order": "Bestellung",
    "upload": "Upload",
    "webhook": "Webhook",
    "reservation": "Reservierung",
    "error file": "Fehlerdatei",
    "api_key": "API-Schlüssel",
}

_PHRASES: dict[str, dict[str, str]] = {"de": PHRASES_DE}
# `{resource}` matches only entity names, so "error file 'x' not found" is not read as the
# resource "error" with the id "file 'x'".
_RESOURCE_PATTERN = "|".join(re.escape(noun) for noun in sorted(NOUNS_DE, key=len, reverse=True))
_NOUNS: dict[str, dict[str, str]] = {"de": NOUNS_DE}
_FORMATTER = string.Formatter()


@dataclass(frozen=True)
class _Phrase:
    pattern: re.Pattern[str]
    template: str
    literal_chars: int


def _compile(english: str, target: str) -> _Phrase:
    parts: list[str] = []
    literal_chars = 0
    for literal, name, _, _ in _FORMATTER.parse(english):
        parts.append(re.escape(literal))
        literal_chars += len(literal)
        if name is not None:
            value = _RESOURCE_PATTERN if name == "resource" else r".+?"
            parts.append(f"(?P<{name}>{value})")
    return _Phrase(re.compile("".join(parts), re.DOTALL), target, literal_chars)


def _compiled(phrases: dict[str, str]) -> list[_Phrase]:
    # Most specific first: "must be at most {n} characters" before "must be at most {n}".
    found = [_compile(english, target) for english, target in phrases.items()]
    return sorted(found, key=lambda phrase: -phrase.literal_chars)


_COMPILED: dict[str, list[_Phrase]] = {
    language: _compiled(phrases) for language, phrases in _PHRASES.items()
}


def localize_text(text: str, language: str) -> str | None:
    """`text` in `language`, or None when no phrase matches (the caller keeps English)."""
    if language == DEFAULT_LANGUAGE:
        return text
    nouns = _NOUNS.get(language, {})
    for phrase in _COMPILED.get(language, []):
        match = phrase.pattern.fullmatch(text)
        if match is None:
            continue
        values = match.groupdict()
        if "resource" in values:
            values["resource"] = nouns.get(values["resource"], values["resource"])
        if "detail" in values:
            values["detail"] = localize_text(values["detail"], language) or values["detail"]
        return phrase.template.format(**values)
    return None


def placeholder_names(template: str) -> list[str]:
    """The `{name}`s of a template (for the table's consistency test)."""
    return [name for _, name, _, _ in _FORMATTER.parse(template) if name is not None]
