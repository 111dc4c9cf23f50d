//! Classes: calling a type (`__new__` then `__init__`), `__build_class__`,
//! the C3 method resolution order, and `super`.

use super::attr::bound;
use super::ThreadState;
use crate::objects::{
    Args, ExceptionData, Gc, Layout, NativeObject, PyDict, PyInstance, PyResult, PyStr, PyType, Value,
};

/// `cls(*args, **kw)`.
pub(crate) fn call_type(ts: &mut ThreadState, cls: &Gc<PyType>, args: Args<'_>) -> PyResult<Value> {
    if Gc::ptr_eq(cls, &ts.types().type_) {
        return type_call(ts, args);
    }
    if Gc::ptr_eq(cls, &ts.types().super_) {
        return make_super(ts, args);
    }
    // `str(x)`, `int(x)`... run in loops: the builtin conversions skip the
    // `__new__`/`__init__` lookups and the argument copy.
    if let ([x], []) = (args.values, args.kwnames) {
        if let Some(r) = crate::builtins::convert(ts, cls, x) {
            return r;
        }
    }
    let names = ts.vm_names();
    let (new_name, init_name) = (&names.new, &names.init);
    let object = ts.types().object.clone();
    let is_object_slot = |found: &Option<Value>, name: &PyStr| match (found, object.dict.get_str(name)) {
        (None, _) => true,
        (Some(a), Some(b)) => a.is(&b),
        (Some(_), None) => false,
    };
    let new = cls.lookup(new_name);
    let init = cls.lookup(init_name);
    let new_is_object = is_object_slot(&new, new_name);
    let init_is_object = is_object_slot(&init, init_name);
    if !args.values.is_empty() && new_is_object && init_is_object && cls.layout != Layout::Exception {
        return Err(ts.type_error(format!("{}() takes no arguments", cls.name)));
    }
    let obj = match new {
        Some(new) if !new_is_object || cls.layout == Layout::Builtin => {
            let new = match new {
                Value::StaticMethod(inner) => (*inner).clone(),
                other => other,
            };
            let mut values = Vec::with_capacity(args.values.len() + 1);
            values.push(Value::Type(cls.clone()));
            values.extend_from_slice(args.values);
            ts.call(&new, Args { values: &values, kwnames: args.kwnames })?
        }
        _ => instantiate(ts, cls, args.positional())?,
    };
    if init_is_object || !ts.type_of(&obj).is_subtype(cls) {
        return Ok(obj);
    }
    let Some(init) = init else { return Ok(obj) };
    let mut values = Vec::with_capacity(args.values.len() + 1);
    values.push(obj.clone());
    values.extend_from_slice(args.values);
    let r = ts.call(&init, Args { values: &values, kwnames: args.kwnames })?;
    if !r.is_none() {
        return Err(init_returned(ts, &r));
    }
    Ok(obj)
}

/// The error of an `__init__` that returned `r`, not `None`.
#[cold]
pub(crate) fn init_returned(ts: &mut ThreadState, r: &Value) -> crate::objects::PyErr {
    let name = ts.type_of(r).name.clone();
    ts.type_error(format!("__init__() should return None, not '{name}'"))
}

/// `object.__new__(cls)` for classes defined in Python.
pub fn instantiate(ts: &mut ThreadState, cls: &Gc<PyType>, args: &[Value]) -> PyResult<Value> {
    let exception = match cls.layout {
        Layout::Object => return Ok(Value::Instance(new_instance(cls))),
        Layout::Exception => Some(std::cell::RefCell::new(ExceptionData::new(Value::tuple(args.to_vec())))),
        Layout::Builtin => return Err(ts.type_error(format!("cannot create '{}' instances", cls.name))),
    };
    Ok(Value::Instance(Gc::new(PyInstance::new(cls.clone(), PyDict::new(), exception))))
}

/// A plain instance of `cls` (`Layout::Object`: no exception data), as
/// `object.__new__` makes it; the class-call inline cache's fast path.
pub(crate) fn new_instance(cls: &Gc<PyType>) -> Gc<PyInstance> {
    Gc::new(PyInstance::of_class(cls))
}

/// `type(x)` and `type(name, bases, dict)`.
fn type_call(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let pos = args.positional();
    match pos {
        [x] if args.kwnames.is_empty() => Ok(Value::Type(ts.type_of(x))),
        [Value::Str(name), bases, Value::Dict(ns)] => {
            let bases = ts.collect_items(bases)?;
            let bases = types_of_bases(ts, &bases)?;
            let ns_copy = Gc::new(PyDict::new());
            for (k, v) in ns.items() {
                if let Value::Str(k) = k {
                    ns_copy.set_str(k, v);
                }
            }
            let module_key = ts.intern("__module__");
            if ns_copy.get_str(&module_key).is_none() {
                let name_key = ts.intern("__name__");
                if let Some(frame) = ts.exec.frames.last() {
                    if let Some(m) = frame.globals().get_str(&name_key) {
                        ns_copy.set_str(module_key, m);
                    }
                }
            }
            let cls = make_class(ts, name.as_str(), bases, ns_copy)?;
            init_subclass(ts, &cls, Args::positional_only(&[]))?;
            Ok(Value::Type(cls))
        }
        _ => Err(ts.type_error("type() takes 1 or 3 arguments")),
    }
}

fn types_of_bases(ts: &mut ThreadState, bases: &[Value]) -> PyResult<Vec<Gc<PyType>>> {
    bases
        .iter()
        .map(|b| match b {
            Value::Type(t) => Ok(t.clone()),
            _ => Err(ts.type_error("bases must be types")),
        })
        .collect()
}

/// `__build_class__(body, name, *bases, **keywords)`.
pub(crate) fn build_class(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let pos = args.positional();
    let (Some(Value::Function(body)), Some(Value::Str(name))) = (pos.first(), pos.get(1)) else {
        return Err(ts.type_error("__build_class__: func and name required"));
    };
    let bases = types_of_bases(ts, &pos[2..])?;
    let ns = Gc::new(PyDict::new());
    let cells = super::call::make_cells(body, &[]).unwrap_or_else(|| body.closure.clone());
    let result = super::eval::run_code(ts, body.code.clone(), body.globals.clone(), Some(ns.clone()), cells)?;
    let cls = make_class(ts, name.as_str(), bases, ns)?;
    if let Value::Cell(cell) = result {
        *cell.value.borrow_mut() = Value::Type(cls.clone());
    }
    init_subclass(ts, &cls, args)?;
    Ok(Value::Type(cls))
}

/// Calls the nearest base's `__init_subclass__` with the class keywords.
fn init_subclass(ts: &mut ThreadState, cls: &Gc<PyType>, args: Args<'_>) -> PyResult<()> {
    let name = ts.intern("__init_subclass__");
    let Some(hook) = cls.mro.iter().find_map(|t| t.dict.get_str(&name)) else {
        if args.kwnames.is_empty() {
            return Ok(());
        }
        return Err(ts.type_error(format!("{}.__init_subclass__() takes no keyword arguments", cls.name)));
    };
    let func = match hook {
        Value::ClassMethod(inner) | Value::StaticMethod(inner) => (*inner).clone(),
        other => other,
    };
    let start = args.values.len() - args.kwnames.len();
    let mut values = vec![Value::Type(cls.clone())];
    values.extend_from_slice(&args.values[start..]);
    ts.call(&func, Args { values: &values, kwnames: args.kwnames })?;
    Ok(())
}

/// A new class from its namespace (which becomes its `__dict__`).
pub fn make_class(ts: &mut ThreadState, name: &str, mut bases: Vec<Gc<PyType>>, ns: Gc<PyDict>) -> PyResult<Gc<PyType>> {
    if bases.is_empty() {
        bases.push(ts.types().object.clone());
    }
    let mro = c3_mro(ts, &bases)?;
    let layout = if mro.iter().any(|t| t.layout == Layout::Exception) {
        Layout::Exception
    } else if mro.iter().any(|t| t.layout == Layout::Builtin) {
        Layout::Builtin
    } else {
        Layout::Object
    };
    let qualname = match ns.del_str(&PyStr::new("__qualname__")) {
        Some(Value::Str(q)) => q.as_str().to_string(),
        _ => name.to_string(),
    };
    let classcell = ns.del_str(&PyStr::new("__classcell__"));
    let (eq_key, hash_key) = (ts.intern("__eq__"), ts.intern("__hash__"));
    if ns.get_str(&eq_key).is_some() && ns.get_str(&hash_key).is_none() {
        ns.set_str(hash_key, Value::None);
    }
    for (key, wrap_static) in [("__new__", true), ("__init_subclass__", false), ("__class_getitem__", false)] {
        let key = ts.intern(key);
        if let Some(f @ Value::Function(_)) = ns.get_str(&key) {
            let wrapped = if wrap_static { Value::StaticMethod(Gc::new(f)) } else { Value::ClassMethod(Gc::new(f)) };
            ns.set_str(key, wrapped);
        }
    }
    let cls = Gc::new(PyType {
        name: name.to_string(),
        qualname,
        bases,
        mro,
        dict: ns,
        layout,
        builtin: false,
        instance_keys: Default::default(),
    });
    if let Some(Value::Cell(cell)) = classcell {
        *cell.value.borrow_mut() = Value::Type(cls.clone());
    }
    Ok(cls)
}

/// The C3 linearisation of `bases` (the new class itself excluded).
fn c3_mro(ts: &mut ThreadState, bases: &[Gc<PyType>]) -> PyResult<Vec<Gc<PyType>>> {
    for (i, b) in bases.iter().enumerate() {
        if bases[..i].iter().any(|o| Gc::ptr_eq(o, b)) {
            return Err(ts.type_error(format!("duplicate base class {}", b.name)));
        }
    }
    let mut seqs: Vec<Vec<Gc<PyType>>> = bases
        .iter()
        .map(|b| std::iter::once(b.clone()).chain(b.mro.iter().cloned()).collect())
        .collect();
    seqs.push(bases.to_vec());
    let mut result: Vec<Gc<PyType>> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(result);
        }
        let candidate = seqs
            .iter()
            .map(|s| s[0].clone())
            .find(|c| !seqs.iter().any(|s| s[1..].iter().any(|t| Gc::ptr_eq(t, c))));
        let Some(next) = candidate else {
            let names: Vec<&str> = bases.iter().map(|b| b.name.as_str()).collect();
            return Err(ts.type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        };
        for s in seqs.iter_mut() {
            if Gc::ptr_eq(&s[0], &next) {
                s.remove(0);
            }
        }
        result.push(next);
    }
}

/// The Rust data of a `super` object.
pub struct SuperObject {
    pub cls: Gc<PyType>,
    pub obj: Value,
}

/// `super()` (from the calling frame) or `super(cls, obj)`.
fn make_super(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (cls, obj) = match args.positional() {
        [] => zero_arg_super(ts)?,
        [Value::Type(cls), obj] => {
            let ok = match obj {
                Value::Type(t) if t.is_subtype(cls) => true,
                other => ts.type_of(other).is_subtype(cls),
            };
            if !ok {
                return Err(ts.type_error("super(type, obj): obj must be an instance or subtype of type"));
            }
            (cls.clone(), obj.clone())
        }
        [other, ..] => {
            let name = ts.type_of(other).name.clone();
            return Err(ts.type_error(format!("super() argument 1 must be a type, not {name}")));
        }
    };
    let class = ts.types().super_.clone();
    Ok(Value::Native(Gc::new(NativeObject { class, data: Box::new(SuperObject { cls, obj }), dict: None })))
}

fn zero_arg_super(ts: &mut ThreadState) -> PyResult<(Gc<PyType>, Value)> {
    let Some(frame) = ts.exec.frames.last() else { return Err(ts.runtime_error("super(): no current frame")) };
    let code = &frame.code().code;
    if code.argcount == 0 && !code.varargs {
        return Err(ts.runtime_error("super(): no arguments"));
    }
    let first = match code.cell_params.iter().find(|(_, slot)| *slot == 0) {
        Some((cell, _)) => frame.cells().get(*cell as usize).map(|c| c.value.borrow().clone()),
        None => ts.exec.stack.get(frame.base).cloned(),
    };
    let class_cell = code
        .freevars
        .iter()
        .position(|n| n == "__class__")
        .and_then(|i| frame.cells().get(code.cellvars.len() + i))
        .map(|c| c.value.borrow().clone());
    match (class_cell, first) {
        (Some(Value::Type(cls)), Some(obj)) if !obj.is_null() => Ok((cls, obj)),
        (Some(_), _) => Err(ts.runtime_error("super(): arg[0] deleted")),
        (None, _) => Err(ts.runtime_error("super(): __class__ cell not found")),
    }
}

/// `super().name`: the MRO of the object's type, after `cls`.
pub(crate) fn super_getattr(ts: &mut ThreadState, sup: &Value, name: &Gc<PyStr>) -> PyResult<Value> {
    let Value::Native(n) = sup else { return Err(ts.system_error("not a super object")) };
    let Some(s) = n.downcast::<SuperObject>() else { return Err(ts.system_error("not a super object")) };
    let (cls, obj) = (s.cls.clone(), s.obj.clone());
    if name.as_str() == "__class__" {
        return Ok(Value::Type(ts.types().super_.clone()));
    }
    let start = match &obj {
        Value::Type(t) if t.is_subtype(&cls) => t.clone(),
        other => ts.type_of(other),
    };
    let obj_is_class = matches!(&obj, Value::Type(t) if Gc::ptr_eq(t, &start));
    let found = start
        .mro_iter()
        .skip_while(|t| !std::ptr::eq(*t, &*cls))
        .skip(1)
        .find_map(|t| t.dict.get_str(name));
    match found {
        Some(f @ (Value::Function(_) | Value::NativeFunction(_))) => {
            if obj_is_class || name.as_str() == "__new__" {
                Ok(f)
            } else {
                Ok(bound(f, obj))
            }
        }
        Some(Value::ClassMethod(inner)) => Ok(bound((*inner).clone(), Value::Type(start))),
        Some(Value::StaticMethod(inner)) => Ok((*inner).clone()),
        Some(Value::Property(p)) if !obj_is_class => {
            let getter = p.fget.clone();
            ts.call_positional(&getter, &[obj])
        }
        Some(other) => Ok(other),
        None => Err(ts.attribute_error(format!("'super' object has no attribute '{}'", name.as_str()))),
    }
}
