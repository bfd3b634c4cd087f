"""Checks recorded responses against the botocore service models.

Input: a file of JSON lines {service, operation, status, body}. For each, the response must
parse with botocore's own parser for the service's protocol, and must match the operation's
output shape strictly: no members the model lacks, values of the modelled types, enum values
from the model. An error must carry a code the operation models, or one of the common codes
every AWS service may send, and a 5xx status exactly when the error shape is a fault.
Exit status 1 lists every mismatch.
"""
import json
import sys
import xml.etree.ElementTree as ET

import botocore.session
from botocore import parsers

# Errors any operation may return: authentication, throttling, protocol-level failures.
COMMON_ERRORS = {
    "AccessDeniedException", "AccessDenied", "IncompleteSignature", "IncompleteSignatureException",
    "InternalFailure", "InvalidAction", "InvalidClientTokenId", "InvalidSignatureException",
    "MissingAuthenticationToken", "MissingAuthenticationTokenException", "MissingAction",
    "MalformedQueryString", "RequestExpired", "SignatureDoesNotMatch", "UnrecognizedClientException",
    "ExpiredToken", "ExpiredTokenException", "ThrottlingException", "Throttling", "ValidationError",
    "ValidationException", "SerializationException", "UnknownOperationException",
    "RequestEntityTooLargeException", "ServiceUnavailable",
}

SESSION = botocore.session.get_session()
MODELS = {}


def model(service):
    if service not in MODELS:
        MODELS[service] = SESSION.get_service_model(service)
    return MODELS[service]


def check_value(shape, value, path, problems):
    kind = shape.type_name
    if kind == "structure":
        if not isinstance(value, dict):
            problems.append(f"{path}: expected a structure, got {type(value).__name__}")
            return
        for name, item in value.items():
            if name not in shape.members:
                problems.append(f"{path}.{name}: not a member of {shape.name}")
            elif item is not None:
                check_value(shape.members[name], item, f"{path}.{name}", problems)
    elif kind == "list":
        if not isinstance(value, list):
            problems.append(f"{path}: expected a list")
            return
        for i, item in enumerate(value):
            check_value(shape.member, item, f"{path}[{i}]", problems)
    elif kind == "map":
        if not isinstance(value, dict):
            problems.append(f"{path}: expected a map")
            return
        for k, item in value.items():
            check_value(shape.value, item, f"{path}[{k}]", problems)
    elif kind == "string":
        if not isinstance(value, str):
            problems.append(f"{path}: expected a string, got {value!r}")
        elif shape.enum and value not in shape.enum:
            problems.append(f"{path}: {value!r} is not one of {shape.enum}")
    elif kind in ("integer", "long"):
        if not isinstance(value, int) or isinstance(value, bool):
            problems.append(f"{path}: expected an integer, got {value!r}")
    elif kind in ("float", "double"):
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            problems.append(f"{path}: expected a number, got {value!r}")
    elif kind == "boolean":
        if not isinstance(value, bool):
            problems.append(f"{path}: expected a boolean, got {value!r}")
    elif kind == "timestamp":
        if not isinstance(value, (int, float, str)) or isinstance(value, bool):
            problems.append(f"{path}: expected a timestamp, got {value!r}")
    elif kind == "blob":
        if not isinstance(value, str):
            problems.append(f"{path}: expected base64 text")


def xml_to_value(shape, element, path, problems):
    """Turns an XML element into plain values, reporting elements the shape does not have."""
    kind = shape.type_name
    if kind == "structure":
        out = {}
        by_wire = {m.serialization.get("name", n): n for n, m in shape.members.items()}
        for child in element:
            tag = child.tag.split("}")[-1]
            if tag not in by_wire:
                problems.append(f"{path}.{tag}: not a member of {shape.name}")
                continue
            name = by_wire[tag]
            out[name] = xml_to_value(shape.members[name], child, f"{path}.{name}", problems)
        return out
    if kind == "list":
        return [xml_to_value(shape.member, c, f"{path}[]", problems) for c in element]
    text = element.text or ""
    if kind in ("integer", "long"):
        try:
            return int(text)
        except ValueError:
            problems.append(f"{path}: {text!r} is not an integer")
            return 0
    if kind == "boolean":
        if text not in ("true", "false"):
            problems.append(f"{path}: {text!r} is not a boolean")
        return text == "true"
    if kind == "string" and shape.enum and text not in shape.enum:
        problems.append(f"{path}: {text!r} is not one of {shape.enum}")
    return text


def check_error(op, protocol, status, body, problems):
    parser = parsers.create_parser(protocol)
    response = {"status_code": status, "headers": {}, "body": body.encode()}
    parsed = parser.parse(response, op.output_shape)
    code = parsed.get("Error", {}).get("Code", "")
    message = parsed.get("Error", {}).get("Message", "")
    if not code:
        problems.append(f"error response without a code: {body[:200]}")
        return
    if not message:
        problems.append(f"error {code} without a message")
    # Query services name an error by the code in its shape's metadata, JSON services by the shape.
    modelled = {s.metadata.get("error", {}).get("code", s.name): s for s in op.error_shapes}
    if code not in modelled and code not in COMMON_ERRORS:
        problems.append(f"error code {code} is not modelled for {op.name}")
    shape = modelled.get(code)
    fault = bool(shape and shape.metadata.get("fault"))
    if fault != (status >= 500):
        problems.append(f"error {code}: status {status} but fault={fault}")
    modelled_status = shape.metadata.get("error", {}).get("httpStatusCode") if shape else None
    if modelled_status and modelled_status != status:
        problems.append(f"error {code}: status {status}, but the model says {modelled_status}")


def check(entry):
    service_model = model(entry["service"])
    protocol = service_model.protocol
    if entry["operation"] not in service_model.operation_names:
        return []  # an operation the model lacks has no shape to check against
    op = service_model.operation_model(entry["operation"])
    status, body, problems = entry["status"], entry["body"], []
    if status >= 300:
        check_error(op, protocol, status, body, problems)
        return problems
    parser = parsers.create_parser(protocol)
    parser.parse({"status_code": status, "headers": {}, "body": body.encode()}, op.output_shape)
    if op.output_shape is None:
        return problems
    if protocol == "json":
        check_value(op.output_shape, json.loads(body or "{}"), op.name, problems)
    else:
        root = ET.fromstring(body)
        if root.tag.split("}")[-1] != f"{op.name}Response":
            problems.append(f"root element is {root.tag}")
        result = root.find(f"{{*}}{op.name}Result")
        if result is None:
            problems.append(f"no {op.name}Result element")
        else:
            xml_to_value(op.output_shape, result, op.name, problems)
        if root.find("{*}ResponseMetadata/{*}RequestId") is None:
            problems.append("no ResponseMetadata/RequestId")
    return problems


def main(path):
    failures = []
    with open(path) as lines:
        for line in lines:
            entry = json.loads(line)
            try:
                problems = check(entry)
            except Exception as error:  # a parser failure is a mismatch too
                problems = [f"botocore could not parse it: {error!r}"]
            for problem in problems:
                failures.append(f"{entry['service']}.{entry['operation']} ({entry['status']}): {problem}")
    for failure in failures:
        print(failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
