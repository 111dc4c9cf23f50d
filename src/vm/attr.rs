//! Attribute access on any value: instance dicts, class lookup along the MRO,
//! descriptors (functions bind, properties, static and class methods),
//! `__getattr__`. (Owned by the VM.)

use super::ThreadState;
use crate::objects::{BoundMethod, Gc, PyErr, PyInstance, PyResult, PyStr, PyType, Value};

impl ThreadState {
    /// `obj.name`
    pub fn get_attr(&mut self, obj: &Value, name: &Gc<PyStr>) -> PyResult<Value> {
        match obj {
            Value::Instance(inst) => self.instance_getattr(obj, inst, name),
            Value::Type(t) => super::attr_special::type_getattr(self, t, name),
            Value::Module(m) => match m.dict.get_str(name) {
                Some(v) => Ok(v),
                None if name.as_str() == "__dict__" => Ok(Value::Dict(m.dict.clone())),
                None => Err(self.attribute_error(format!(
                    "module '{}' has no attribute '{}'",
                    m.name.as_str(),
                    name.as_str()
                ))),
            },
            Value::Native(n) if n.downcast::<super::class::SuperObject>().is_some() => {
                super::class::super_getattr(self, obj, name)
            }
            _ => {
                if let Some(v) = super::attr_special::builtin_data_attr(self, obj, name)? {
                    return Ok(v);
                }
                let cls = self.type_of(obj);
                match cls.lookup(name) {
                    Some(found) => self.bind_found(found, obj, &cls),
                    None => Err(no_attribute(self, obj, name)),
                }
            }
        }
    }

    fn instance_getattr(&mut self, obj: &Value, inst: &Gc<PyInstance>, name: &Gc<PyStr>) -> PyResult<Value> {
        let cls = inst.class();
        let class_attr = cls.lookup(name);
        if let Some(found) = &class_attr {
            if let Some(v) = self.data_descriptor_get(found, obj, &cls)? {
                return Ok(v);
            }
        }
        if let Some(v) = inst.get_attr(name) {
            return Ok(v);
        }
        if let Some(v) = super::attr_special::instance_special(self, inst, name) {
            return Ok(v);
        }
        let result = match class_attr {
            Some(found) => self.bind_found(found, obj, &cls),
            None => Err(no_attribute(self, obj, name)),
        };
        match result {
            Err(e) if self.err_matches(&e, &self.types().attribute_error.clone()) => {
                self.getattr_fallback(obj, &cls, name, e)
            }
            other => other,
        }
    }

    /// `__getattr__`, tried when normal lookup raised `AttributeError`.
    fn getattr_fallback(&mut self, obj: &Value, cls: &PyType, name: &Gc<PyStr>, err: PyErr) -> PyResult<Value> {
        let hook = self.vm_names().getattr.clone();
        match cls.lookup(&hook) {
            Some(f) => self.call_positional(&f, &[obj.clone(), Value::Str(name.clone())]),
            None => Err(err),
        }
    }

    /// Data descriptors found on the class win over the instance dict.
    fn data_descriptor_get(&mut self, found: &Value, obj: &Value, cls: &Gc<PyType>) -> PyResult<Option<Value>> {
        match found {
            Value::Property(p) => {
                if p.fget.is_none() {
                    return Err(self.attribute_error("property has no getter"));
                }
                let getter = p.fget.clone();
                self.call_positional(&getter, &[obj.clone()]).map(Some)
            }
            Value::Instance(_) if self.lookup_special(found, "__set__").is_some() => {
                let get = self.lookup_special(found, "__get__");
                match get {
                    Some(get) => self
                        .call_positional(&get, &[found.clone(), obj.clone(), Value::Type(cls.clone())])
                        .map(Some),
                    None => Ok(Some(found.clone())),
                }
            }
            _ => Ok(None),
        }
    }

    /// A class attribute seen through an instance (or a builtin value): functions bind.
    pub(crate) fn bind_found(&mut self, found: Value, obj: &Value, cls: &Gc<PyType>) -> PyResult<Value> {
        Ok(match found {
            Value::Function(_) | Value::NativeFunction(_) => bound(found, obj.clone()),
            Value::StaticMethod(inner) => (*inner).clone(),
            Value::ClassMethod(inner) => bound((*inner).clone(), Value::Type(cls.clone())),
            Value::Property(p) => {
                let getter = p.fget.clone();
                return self.call_positional(&getter, &[obj.clone()]);
            }
            Value::Instance(_) => match self.lookup_special(&found, "__get__") {
                Some(get) => return self.call_positional(&get, &[found, obj.clone(), Value::Type(cls.clone())]),
                None => found,
            },
            other => other,
        })
    }

    /// `LoadMethod`: `(function, self)` without allocating a bound method when
    /// the attribute is a plain function on the type, else `(attr, NULL)`.
    pub fn load_method(&mut self, obj: Value, name: &Gc<PyStr>) -> PyResult<(Value, Value)> {
        let cls = match &obj {
            Value::Instance(i) => {
                let cls = i.class();
                if i.has_attr(name) {
                    return Ok((self.get_attr(&obj, name)?, Value::Null));
                }
                cls
            }
            Value::Type(_) | Value::Module(_) | Value::Native(_) => return Ok((self.get_attr(&obj, name)?, Value::Null)),
            _ => self.type_of(&obj),
        };
        match cls.lookup(name) {
            Some(f @ (Value::Function(_) | Value::NativeFunction(_))) => Ok((f, obj)),
            _ => Ok((self.get_attr(&obj, name)?, Value::Null)),
        }
    }

    /// `obj.name = value`
    pub fn set_attr(&mut self, obj: &Value, name: &Gc<PyStr>, value: Value) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                let cls = inst.class();
                let hook = self.vm_names().setattr.clone();
                if let Some(f @ Value::Function(_)) = cls.lookup(&hook) {
                    return self.call_positional(&f, &[obj.clone(), Value::Str(name.clone()), value]).map(drop);
                }
                generic_setattr(self, obj, inst, name, Some(value))
            }
            _ => super::attr_special::other_setattr(self, obj, name, Some(value)),
        }
    }

    /// `del obj.name`
    pub fn del_attr(&mut self, obj: &Value, name: &Gc<PyStr>) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                let cls = inst.class();
                let hook = self.vm_names().delattr.clone();
                if let Some(f @ Value::Function(_)) = cls.lookup(&hook) {
                    return self.call_positional(&f, &[obj.clone(), Value::Str(name.clone())]).map(drop);
                }
                generic_setattr(self, obj, inst, name, None)
            }
            _ => super::attr_special::other_setattr(self, obj, name, None),
        }
    }

    /// `obj.name(*args)` for a method name given as Rust text.
    pub fn call_method(&mut self, obj: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
        let name = self.intern(name);
        let method = self.get_attr(obj, &name)?;
        self.call_positional(&method, args)
    }

    /// `getattr(obj, name, None)`-style lookup: `Ok(None)` on `AttributeError`.
    pub fn get_attr_opt(&mut self, obj: &Value, name: &Gc<PyStr>) -> PyResult<Option<Value>> {
        match self.get_attr(obj, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.err_matches(&e, &self.types().attribute_error.clone()) => Ok(None),
            Err(e) => Err(e),
        }
    }
}

pub(crate) fn bound(func: Value, receiver: Value) -> Value {
    Value::BoundMethod(Gc::new(BoundMethod { func, receiver }))
}

/// `object.__setattr__` / `object.__delattr__` (`value` is `None` to delete):
/// properties and `__set__` descriptors, exception fields, then the instance dict.
pub(crate) fn generic_setattr(
    ts: &mut ThreadState,
    obj: &Value,
    inst: &Gc<PyInstance>,
    name: &Gc<PyStr>,
    value: Option<Value>,
) -> PyResult<()> {
    let cls = inst.class();
    match cls.lookup(name) {
        Some(Value::Property(p)) => {
            let (accessor, what) = if value.is_some() { (p.fset.clone(), "setter") } else { (p.fdel.clone(), "deleter") };
            if accessor.is_none() {
                return Err(ts.attribute_error(format!(
                    "property '{}' of '{}' object has no {what}",
                    name.as_str(),
                    cls.name
                )));
            }
            let mut args = vec![obj.clone()];
            args.extend(value);
            return ts.call_positional(&accessor, &args).map(drop);
        }
        Some(d @ Value::Instance(_)) => {
            let hook = if value.is_some() { "__set__" } else { "__delete__" };
            if let Some(f) = ts.lookup_special(&d, hook) {
                let mut args = vec![d, obj.clone()];
                args.extend(value);
                return ts.call_positional(&f, &args).map(drop);
            }
        }
        _ => {}
    }
    if super::attr_special::set_exception_field(ts, inst, name, value.as_ref())? {
        return Ok(());
    }
    if Gc::ptr_eq(&cls, &ts.types().object) {
        return Err(no_attribute(ts, obj, name));
    }
    match value {
        Some(v) => {
            inst.set_attr(name.clone(), v);
            Ok(())
        }
        None => match inst.del_attr(name) {
            Some(_) => Ok(()),
            None => Err(no_attribute(ts, obj, name)),
        },
    }
}

#[cold]
pub(crate) fn no_attribute(ts: &mut ThreadState, obj: &Value, name: &PyStr) -> PyErr {
    let msg = match obj {
        Value::Type(t) => format!("type object '{}' has no attribute '{}'", t.name, name.as_str()),
        Value::Module(m) => format!("module '{}' has no attribute '{}'", m.name.as_str(), name.as_str()),
        _ => format!("'{}' object has no attribute '{}'", ts.type_of(obj).name, name.as_str()),
    };
    ts.attribute_error(msg)
}

impl ThreadState {
    /// Special-method lookup, as CPython does it: on the type only (never the
    /// instance dict), unbound. `None` when the type has no such attribute.
    pub fn lookup_special(&mut self, obj: &Value, name: &str) -> Option<Value> {
        let name = self.intern(name);
        self.type_of(obj).lookup(&name)
    }

    /// Calls special method `name` of `obj` with `args` (receiver prepended),
    /// or returns `Ok(None)` when the type does not define it.
    pub fn call_special(&mut self, obj: &Value, name: &str, args: &[Value]) -> PyResult<Option<Value>> {
        let Some(method) = self.lookup_special(obj, name) else { return Ok(None) };
        let mut full = Vec::with_capacity(args.len() + 1);
        full.push(obj.clone());
        full.extend_from_slice(args);
        self.call_positional(&method, &full).map(Some)
    }
}
