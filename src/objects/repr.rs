//! `repr(v)` and `str(v)` for every value.

use std::cell::RefCell;

use super::dictview::as_view;
use super::iter::TableIterKind;
use super::text::{bigint_to_decimal, bytes_repr, float_repr, str_repr, INT_LIMIT_MESSAGE};
use super::{Gc, PyResult, PyStr, Value};
use crate::vm::ThreadState;

thread_local! {
    /// Containers whose repr is being built on this thread (CPython's
    /// `Py_ReprEnter`): a container met again inside itself prints as `[...]`.
    static REPR_STACK: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

struct ReprEntry(usize);

impl Drop for ReprEntry {
    fn drop(&mut self) {
        REPR_STACK.with(|s| {
            let mut s = s.borrow_mut();
            if let Some(pos) = s.iter().rposition(|&p| p == self.0) {
                s.remove(pos);
            }
        });
    }
}

/// `None` when `ptr` is already being printed on this thread.
fn repr_enter(ptr: usize) -> Option<ReprEntry> {
    REPR_STACK.with(|s| {
        let mut s = s.borrow_mut();
        if s.contains(&ptr) {
            return None;
        }
        s.push(ptr);
        Some(ReprEntry(ptr))
    })
}

pub fn address(v: &Value) -> usize {
    v.heap_ptr().unwrap_or(0)
}

impl ThreadState {
    pub(crate) fn repr_impl(&mut self, v: &Value) -> PyResult<String> {
        Ok(match v {
            Value::Null => "<NULL>".into(),
            Value::None => "None".into(),
            Value::NotImplemented => "NotImplemented".into(),
            Value::Ellipsis => "Ellipsis".into(),
            Value::Bool(b) => if *b { "True" } else { "False" }.into(),
            Value::Int(i) => i.to_string(),
            Value::BigInt(b) => match bigint_to_decimal(b) {
                Some(s) => s,
                None => return Err(self.value_error(INT_LIMIT_MESSAGE)),
            },
            Value::Float(f) => float_repr(*f),
            Value::Str(s) => str_repr(s.as_str()),
            Value::Bytes(b) => bytes_repr(&b.value),
            Value::List(l) => {
                let Some(_entry) = repr_enter(address(v)) else { return Ok("[...]".into()) };
                let items = l.items.borrow().clone();
                format!("[{}]", self.join_reprs(&items)?)
            }
            Value::Tuple(t) => {
                if t.items.len() == 1 {
                    let _g = self.enter_native("while getting the repr of an object")?;
                    format!("({},)", self.repr_string(&t.items[0])?)
                } else {
                    let Some(_entry) = repr_enter(address(v)) else { return Ok("(...)".into()) };
                    format!("({})", self.join_reprs(&t.items)?)
                }
            }
            Value::Dict(d) => {
                let Some(_entry) = repr_enter(address(v)) else { return Ok("{...}".into()) };
                let _g = self.enter_native("while getting the repr of an object")?;
                let mut parts = Vec::with_capacity(d.len());
                for (k, val) in d.items() {
                    let ks = self.repr_string(&k)?;
                    let vs = self.repr_string(&val)?;
                    parts.push(format!("{ks}: {vs}"));
                }
                format!("{{{}}}", parts.join(", "))
            }
            Value::Set(s) => {
                let name = if s.frozen { "frozenset" } else { "set" };
                if s.is_empty() {
                    return Ok(format!("{name}()"));
                }
                let Some(_entry) = repr_enter(address(v)) else { return Ok(format!("{name}(...)")) };
                let items: Vec<Value> = s.table.borrow().iter().cloned().collect();
                let inner = self.join_reprs(&items)?;
                if s.frozen {
                    format!("frozenset({{{inner}}})")
                } else {
                    format!("{{{inner}}}")
                }
            }
            Value::Range(r) => {
                if r.step == 1 {
                    format!("range({}, {})", r.start, r.stop)
                } else {
                    format!("range({}, {}, {})", r.start, r.stop, r.step)
                }
            }
            Value::Slice(s) => {
                let parts = [s.start.clone(), s.stop.clone(), s.step.clone()];
                format!("slice({})", self.join_reprs(&parts)?)
            }
            Value::Function(f) => format!("<function {} at {:#x}>", f.qualname.borrow().as_str(), address(v)),
            Value::NativeFunction(f) => self.native_function_repr(f),
            Value::BoundMethod(m) => self.bound_method_repr(m)?,
            Value::Type(t) => format!("<class '{}'>", self.type_display_name(t)),
            Value::Module(m) => format!("<module '{}'>", m.name.as_str()),
            Value::Cell(_) => format!("<cell at {:#x}>", address(v)),
            Value::Code(c) => format!(
                "<code object {} at {:#x}, file \"{}\", line {}>",
                c.code.name, address(v), c.code.filename, c.code.first_line
            ),
            Value::Generator(g) => format!("<generator object {} at {:#x}>", g.qualname, address(v)),
            Value::Iterator(i) => format!("<{} object at {:#x}>", i.type_name(), address(v)),
            Value::Property(_) => format!("<property object at {:#x}>", address(v)),
            Value::StaticMethod(_) => format!("<staticmethod object at {:#x}>", address(v)),
            Value::ClassMethod(_) => format!("<classmethod object at {:#x}>", address(v)),
            Value::Instance(_) | Value::Native(_) => return self.repr_special(v),
        })
    }

    /// `__module__.__qualname__` for classes defined in Python, the bare name for builtins.
    pub fn type_display_name(&mut self, t: &super::PyType) -> String {
        if t.builtin {
            return t.name.clone();
        }
        let module = self.intern("__module__");
        match t.dict.get_str(&module) {
            Some(Value::Str(m)) if m.as_str() != "builtins" => format!("{}.{}", m.as_str(), t.qualname),
            _ => t.qualname.clone(),
        }
    }

    fn native_function_repr(&mut self, f: &super::NativeFunction) -> String {
        format!("<built-in function {}>", f.name)
    }

    fn bound_method_repr(&mut self, m: &super::BoundMethod) -> PyResult<String> {
        let recv = self.repr_string(&m.receiver)?;
        Ok(match &m.func {
            Value::Function(f) => format!("<bound method {} of {recv}>", f.qualname.borrow().as_str()),
            Value::NativeFunction(f) => format!("<built-in method {} of {} object at {:#x}>", f.name, self.type_of(&m.receiver).name, address(&m.receiver)),
            other => format!("<bound method {} of {recv}>", self.repr_string(other)?),
        })
    }

    /// `__repr__` of a Python class or native object, else `<C object at 0x...>`.
    fn repr_special(&mut self, v: &Value) -> PyResult<String> {
        if let Some(view) = as_view(v) {
            return self.view_repr(view.dict.clone(), view.kind);
        }
        let _g = self.enter_native("while getting the repr of an object")?;
        match self.call_special(v, "__repr__", &[])? {
            Some(Value::Str(s)) => Ok(s.as_str().to_string()),
            Some(other) => {
                let t = self.type_of(&other).name.clone();
                Err(self.type_error(format!("__repr__ returned non-string (type {t})")))
            }
            None => Ok(self.default_repr(v)),
        }
    }

    /// `object.__repr__`: `<__main__.C object at 0x7f...>`.
    pub fn default_repr(&mut self, v: &Value) -> String {
        let t = self.type_of(v);
        format!("<{} object at {:#x}>", self.type_display_name(&t), address(v))
    }

    fn view_repr(&mut self, d: Gc<super::PyDict>, kind: TableIterKind) -> PyResult<String> {
        let (name, items): (&str, Vec<Value>) = match kind {
            TableIterKind::Keys => ("dict_keys", d.items().into_iter().map(|(k, _)| k).collect()),
            TableIterKind::Values => ("dict_values", d.items().into_iter().map(|(_, v)| v).collect()),
            TableIterKind::Items => {
                ("dict_items", d.items().into_iter().map(|(k, v)| Value::tuple(vec![k, v])).collect())
            }
        };
        Ok(format!("{name}([{}])", self.join_reprs(&items)?))
    }

    fn join_reprs(&mut self, items: &[Value]) -> PyResult<String> {
        let _g = self.enter_native("while getting the repr of an object")?;
        let mut out = String::new();
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&self.repr_string(item)?);
        }
        Ok(out)
    }

    /// `repr(v)` as Rust text.
    pub fn repr_string(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(str_repr(s.as_str())),
            Value::Int(i) => Ok(i.to_string()),
            _ => self.repr_impl(v),
        }
    }

    /// `str(v)` as Rust text.
    pub fn str_string(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.as_str().to_string()),
            _ => Ok(self.to_str(v)?.as_str().to_string()),
        }
    }

    pub(crate) fn str_impl(&mut self, v: &Value) -> PyResult<Gc<PyStr>> {
        match v {
            Value::Str(s) => Ok(s.clone()),
            Value::Int(i) => Ok(Gc::new(PyStr::from_int(*i))),
            Value::Instance(_) | Value::Native(_) if as_view(v).is_none() => {
                let _g = self.enter_native("while getting the str of an object")?;
                match self.call_special(v, "__str__", &[])? {
                    Some(Value::Str(s)) => Ok(s),
                    Some(other) => {
                        let t = self.type_of(&other).name.clone();
                        Err(self.type_error(format!("__str__ returned non-string (type {t})")))
                    }
                    None => Ok(Gc::new(PyStr::from_string(self.repr_impl(v)?))),
                }
            }
            _ => Ok(Gc::new(PyStr::from_string(self.repr_impl(v)?))),
        }
    }
}
