//! The attributes that are not dictionary entries: those of types (`__name__`,
//! `__mro__`, ...), functions, bound methods, exceptions (`args`, `__cause__`,
//! `errno`, ...), and attribute assignment on values other than instances.

use super::attr::{bound, no_attribute};
use super::ThreadState;
use crate::objects::{Gc, PyInstance, PyResult, PyStr, PyType, Value};

fn str_value(s: &str) -> Value {
    Value::str(s)
}

/// `C.name` for a class `C`.
pub(crate) fn type_getattr(ts: &mut ThreadState, t: &Gc<PyType>, name: &Gc<PyStr>) -> PyResult<Value> {
    let own = |key: &str| t.dict.get_str(&PyStr::new(key));
    match name.as_str() {
        "__name__" => return Ok(str_value(&t.name)),
        "__qualname__" => return Ok(str_value(&t.qualname)),
        "__bases__" => return Ok(Value::tuple(t.bases.iter().map(|b| Value::Type(b.clone())).collect())),
        "__base__" => return Ok(t.bases.first().map_or(Value::None, |b| Value::Type(b.clone()))),
        "__mro__" => {
            let mut items = vec![Value::Type(t.clone())];
            items.extend(t.mro.iter().map(|b| Value::Type(b.clone())));
            return Ok(Value::tuple(items));
        }
        "__dict__" => return Ok(Value::Dict(t.dict.clone())),
        "__module__" => return Ok(own("__module__").unwrap_or_else(|| str_value("builtins"))),
        "__doc__" => return Ok(own("__doc__").unwrap_or(Value::None)),
        "__class__" => return Ok(Value::Type(ts.types().type_.clone())),
        _ => {}
    }
    if let Some(found) = t.lookup(name) {
        return Ok(match found {
            Value::ClassMethod(inner) => bound((*inner).clone(), Value::Type(t.clone())),
            Value::StaticMethod(inner) => (*inner).clone(),
            Value::Instance(_) => match ts.lookup_special(&found, "__get__") {
                Some(get) => return ts.call_positional(&get, &[found, Value::None, Value::Type(t.clone())]),
                None => found,
            },
            other => other,
        });
    }
    let meta = ts.types().type_.clone();
    match meta.lookup(name) {
        Some(f @ Value::NativeFunction(_)) => Ok(bound(f, Value::Type(t.clone()))),
        Some(other) => Ok(other),
        None => Err(no_attribute(ts, &Value::Type(t.clone()), name)),
    }
}

/// Attributes of builtin values that live in Rust fields rather than in a dict.
pub(crate) fn builtin_data_attr(ts: &mut ThreadState, obj: &Value, name: &Gc<PyStr>) -> PyResult<Option<Value>> {
    let n = name.as_str();
    if n == "__class__" {
        return Ok(Some(Value::Type(ts.type_of(obj))));
    }
    Ok(match obj {
        Value::Function(f) => match n {
            "__name__" => Some(Value::Str(f.name.borrow().clone())),
            "__qualname__" => Some(Value::Str(f.qualname.borrow().clone())),
            "__doc__" => Some(f.dict.get_str(name).unwrap_or_else(|| match f.code.consts.first() {
                Some(doc @ Value::Str(_)) if f.code.code.kind == crate::bytecode::CodeKind::Function => doc.clone(),
                _ => Value::None,
            })),
            "__module__" => {
                let key = ts.intern("__name__");
                Some(f.dict.get_str(name).or_else(|| f.globals.get_str(&key)).unwrap_or(Value::None))
            }
            "__defaults__" if f.defaults.is_empty() => Some(Value::None),
            "__defaults__" => Some(Value::tuple(f.defaults.to_vec())),
            "__kwdefaults__" => Some(f.kwdefaults.clone().map_or(Value::None, Value::Dict)),
            "__code__" => Some(Value::Code(f.code.clone())),
            "__globals__" => Some(Value::Dict(f.globals.clone())),
            "__dict__" => Some(Value::Dict(f.dict.clone())),
            "__closure__" if f.closure.is_empty() => Some(Value::None),
            "__closure__" => Some(Value::tuple(f.closure.iter().map(|c| Value::Cell(c.clone())).collect())),
            _ => f.dict.get_str(name),
        },
        Value::BoundMethod(b) => match n {
            "__self__" => Some(b.receiver.clone()),
            "__func__" => Some(b.func.clone()),
            "__name__" | "__qualname__" | "__doc__" | "__module__" => Some(ts.get_attr(&b.func.clone(), name)?),
            _ => None,
        },
        Value::NativeFunction(f) => match n {
            "__name__" => Some(str_value(f.name)),
            "__qualname__" => Some(str_value(&format!("{}.{}", f.owner, f.name))),
            "__module__" => Some(str_value(f.owner)),
            "__doc__" => Some(Value::None),
            _ => None,
        },
        Value::Generator(g) => match n {
            "__name__" => Some(str_value(&g.name)),
            "__qualname__" => Some(str_value(&g.qualname)),
            _ => None,
        },
        Value::Property(p) => match n {
            "fget" => Some(p.fget.clone()),
            "fset" => Some(p.fset.clone()),
            "fdel" => Some(p.fdel.clone()),
            "__doc__" => Some(p.doc.clone()),
            _ => None,
        },
        Value::StaticMethod(inner) | Value::ClassMethod(inner) => match n {
            "__func__" | "__wrapped__" => Some((**inner).clone()),
            _ => None,
        },
        Value::Code(c) => match n {
            "co_name" => Some(str_value(&c.code.name)),
            "co_qualname" => Some(str_value(&c.code.qualname)),
            "co_filename" => Some(str_value(&c.code.filename)),
            "co_firstlineno" => Some(Value::Int(c.code.first_line as i64)),
            "co_argcount" => Some(Value::Int(c.code.argcount as i64)),
            "co_varnames" => Some(Value::tuple(c.code.varnames.iter().map(|v| str_value(v)).collect())),
            _ => None,
        },
        Value::Native(o) => match &o.dict {
            Some(d) if n == "__dict__" => Some(Value::Dict(d.clone())),
            Some(d) => d.get_str(name),
            None => None,
        },
        _ => None,
    })
}

/// Attributes of instances that are not in their dict: `__class__`, `__dict__`,
/// and the fields of exceptions.
pub(crate) fn instance_special(ts: &mut ThreadState, inst: &Gc<PyInstance>, name: &Gc<PyStr>) -> Option<Value> {
    match name.as_str() {
        "__class__" => return Some(Value::Type(inst.class())),
        "__dict__" => return Some(Value::Dict(inst.dict_object())),
        _ => {}
    }
    let data = inst.exception.as_ref()?.borrow();
    let arg = |i: usize| match &data.args {
        Value::Tuple(t) => t.items.get(i).cloned(),
        _ => None,
    };
    let nargs = match &data.args {
        Value::Tuple(t) => t.items.len(),
        _ => 0,
    };
    let cls = inst.class();
    let t = ts.types();
    Some(match name.as_str() {
        "args" => data.args.clone(),
        "__cause__" => data.cause.clone(),
        "__context__" => data.context.clone(),
        "__suppress_context__" => Value::Bool(data.suppress_context),
        "__traceback__" => {
            drop(data);
            return Some(super::traceback::traceback_value(ts, &Value::Instance(inst.clone())));
        }
        "errno" | "strerror" | "filename" | "filename2" if cls.is_subtype(&t.os_error) => match (name.as_str(), nargs) {
            ("errno", 2..) => arg(0)?,
            ("strerror", 2..) => arg(1)?,
            ("filename", 3..) => arg(2)?,
            _ => Value::None,
        },
        "value" if cls.is_subtype(&t.stop_iteration) => arg(0).unwrap_or(Value::None),
        "code" if cls.is_subtype(&t.system_exit) => match nargs {
            0 => Value::None,
            1 => arg(0)?,
            _ => data.args.clone(),
        },
        "msg" if cls.is_subtype(&t.syntax_error) => arg(0).unwrap_or(Value::None),
        _ => return None,
    })
}

/// Assignment to the fields of an exception; `Ok(false)` when `name` is not one.
pub(crate) fn set_exception_field(
    ts: &mut ThreadState,
    inst: &Gc<PyInstance>,
    name: &Gc<PyStr>,
    value: Option<&Value>,
) -> PyResult<bool> {
    let Some(cell) = inst.exception.as_ref() else { return Ok(false) };
    let Some(value) = value else { return Ok(false) };
    match name.as_str() {
        "args" => {
            let items = ts.collect_items(value)?;
            cell.borrow_mut().args = Value::tuple(items);
        }
        "__cause__" => {
            let mut d = cell.borrow_mut();
            d.cause = value.clone();
            d.suppress_context = true;
        }
        "__context__" => cell.borrow_mut().context = value.clone(),
        "__suppress_context__" => {
            let flag = super::ops::truthy(ts, value)?;
            cell.borrow_mut().suppress_context = flag;
        }
        "__traceback__" => {}
        _ => return Ok(false),
    }
    Ok(true)
}

/// `obj.name = value` (or `del obj.name` when `value` is `None`) for non-instances.
pub(crate) fn other_setattr(ts: &mut ThreadState, obj: &Value, name: &Gc<PyStr>, value: Option<Value>) -> PyResult<()> {
    let dict = match obj {
        Value::Type(t) if t.builtin => {
            let verb = if value.is_some() { "set" } else { "delete" };
            return Err(ts.type_error(format!(
                "cannot {verb} '{}' attribute of immutable type '{}'",
                name.as_str(),
                t.name
            )));
        }
        Value::Type(t) => t.dict.clone(),
        Value::Module(m) => m.dict.clone(),
        Value::Function(f) => {
            match (name.as_str(), &value) {
                ("__name__", Some(Value::Str(s))) => *f.name.borrow_mut() = s.clone(),
                ("__qualname__", Some(Value::Str(s))) => *f.qualname.borrow_mut() = s.clone(),
                _ => return set_in(ts, obj, &f.dict, name, value),
            }
            return Ok(());
        }
        Value::Native(n) => match &n.dict {
            Some(d) => d.clone(),
            None => return Err(no_attribute(ts, obj, name)),
        },
        _ => return Err(no_attribute(ts, obj, name)),
    };
    set_in(ts, obj, &dict, name, value)
}

fn set_in(
    ts: &mut ThreadState,
    obj: &Value,
    dict: &crate::objects::PyDict,
    name: &Gc<PyStr>,
    value: Option<Value>,
) -> PyResult<()> {
    match value {
        Some(v) => {
            dict.set_str(name.clone(), v);
            Ok(())
        }
        None => match dict.del_str(name) {
            Some(_) => Ok(()),
            None => Err(no_attribute(ts, obj, name)),
        },
    }
}
