//! Native methods the VM provides on builtin types: the generator protocol
//! (`send`, `throw`, `close`, `__next__`, `__iter__`), `object`'s attribute
//! slots (`__setattr__`, `__delattr__`, `__getattribute__`), `type.mro`.

use super::generator::{generator_close, generator_send, generator_throw, PyGenerator};
use super::ThreadState;
use crate::objects::{module::add_method, Args, Gc, PyResult, Value};

pub fn install(ts: &mut ThreadState) {
    let generator = ts.types().generator.dict.clone();
    add_method(ts, &generator, "generator", "send", gen_send);
    add_method(ts, &generator, "generator", "throw", gen_throw);
    add_method(ts, &generator, "generator", "close", gen_close);
    add_method(ts, &generator, "generator", "__next__", gen_next);
    add_method(ts, &generator, "generator", "__iter__", gen_iter);
    let object = ts.types().object.dict.clone();
    add_method(ts, &object, "object", "__setattr__", object_setattr);
    add_method(ts, &object, "object", "__delattr__", object_delattr);
    add_method(ts, &object, "object", "__getattribute__", object_getattribute);
    let property = ts.types().property.dict.clone();
    add_method(ts, &property, "property", "__get__", property_get);
    add_method(ts, &property, "property", "__set__", property_set);
    add_method(ts, &property, "property", "__delete__", property_delete);
    let function = ts.types().function.dict.clone();
    add_method(ts, &function, "function", "__get__", function_get);
    let type_dict = ts.types().type_.dict.clone();
    add_method(ts, &type_dict, "type", "mro", type_mro);
}

fn receiver_gen(ts: &mut ThreadState, args: &Args<'_>, method: &str) -> PyResult<Gc<PyGenerator>> {
    match args.values.first() {
        Some(Value::Generator(g)) => Ok(g.clone()),
        _ => Err(ts.type_error(format!("descriptor '{method}' requires a 'generator' object"))),
    }
}

fn gen_send(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let g = receiver_gen(ts, &args, "send")?;
    let v = args.values.get(1).cloned().unwrap_or(Value::None);
    generator_send(ts, &g, v)
}

fn gen_next(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let g = receiver_gen(ts, &args, "__next__")?;
    generator_send(ts, &g, Value::None)
}

fn gen_iter(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let g = receiver_gen(ts, &args, "__iter__")?;
    Ok(Value::Generator(g))
}

fn gen_close(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let g = receiver_gen(ts, &args, "close")?;
    generator_close(ts, &g)?;
    Ok(Value::None)
}

/// `gen.throw(exc)` / `gen.throw(type, value)`.
fn gen_throw(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let g = receiver_gen(ts, &args, "throw")?;
    let exc = match &args.values[1..] {
        [Value::Type(t), value, ..] if !value.is_none() => {
            if super::exceptions::make_exception(ts, value).is_ok_and(|e| e.exc.class().is_subtype(t)) {
                super::exceptions::make_exception(ts, value)?
            } else {
                let cls = Value::Type(t.clone());
                let made = ts.call_positional(&cls, &[value.clone()])?;
                super::exceptions::make_exception(ts, &made)?
            }
        }
        [first, ..] => super::exceptions::make_exception(ts, first)?,
        [] => return Err(ts.type_error("throw expected at least 1 argument, got 0")),
    };
    generator_throw(ts, &g, exc)
}

fn name_arg(ts: &mut ThreadState, args: &Args<'_>) -> PyResult<Gc<crate::objects::PyStr>> {
    match args.values.get(1) {
        Some(Value::Str(s)) => Ok(s.clone()),
        _ => Err(ts.type_error("attribute name must be string")),
    }
}

fn object_setattr(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let name = name_arg(ts, &args)?;
    let value = args.values.get(2).cloned().unwrap_or(Value::None);
    match args.values.first() {
        Some(obj @ Value::Instance(inst)) => super::attr::generic_setattr(ts, obj, inst, &name, Some(value))?,
        Some(obj) => ts.set_attr(obj, &name, value)?,
        None => return Err(ts.type_error("__setattr__ needs an object")),
    }
    Ok(Value::None)
}

fn object_delattr(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let name = name_arg(ts, &args)?;
    match args.values.first() {
        Some(obj @ Value::Instance(inst)) => super::attr::generic_setattr(ts, obj, inst, &name, None)?,
        Some(obj) => ts.del_attr(obj, &name)?,
        None => return Err(ts.type_error("__delattr__ needs an object")),
    }
    Ok(Value::None)
}

fn object_getattribute(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let name = name_arg(ts, &args)?;
    match args.values.first() {
        Some(obj) => ts.get_attr(obj, &name),
        None => Err(ts.type_error("__getattribute__ needs an object")),
    }
}

fn type_mro(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    match args.values.first() {
        Some(Value::Type(t)) => Ok(Value::list(t.mro_iter().map(|c| {
            let found = std::iter::once(t.clone()).chain(t.mro.iter().cloned()).find(|x| std::ptr::eq(&**x, c));
            found.map_or(Value::None, Value::Type)
        }).collect())),
        _ => Err(ts.type_error("descriptor 'mro' requires a 'type' object")),
    }
}

/// `property.__get__(obj, type=None)`: the property itself for a class access.
fn property_get(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    match args.values {
        [Value::Property(p), obj, ..] if !obj.is_none() => {
            let getter = p.fget.clone();
            if getter.is_none() {
                return Err(ts.attribute_error("property has no getter"));
            }
            ts.call_positional(&getter, &[obj.clone()])
        }
        [p @ Value::Property(_), ..] => Ok(p.clone()),
        _ => Err(ts.type_error("descriptor '__get__' requires a 'property' object")),
    }
}

fn property_accessor(ts: &mut ThreadState, args: Args<'_>, setting: bool) -> PyResult<Value> {
    let [Value::Property(p), obj, rest @ ..] = args.values else {
        return Err(ts.type_error("property accessor needs an object"));
    };
    let (accessor, what) = if setting { (p.fset.clone(), "setter") } else { (p.fdel.clone(), "deleter") };
    if accessor.is_none() {
        return Err(ts.attribute_error(format!("property has no {what}")));
    }
    let mut call_args = vec![obj.clone()];
    call_args.extend(rest.iter().take(1).cloned());
    ts.call_positional(&accessor, &call_args)?;
    Ok(Value::None)
}

fn property_set(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    property_accessor(ts, args, true)
}

fn property_delete(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    property_accessor(ts, args, false)
}

/// `function.__get__(obj, type=None)`: a bound method, or the function for a class access.
fn function_get(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    match args.values {
        [f @ Value::Function(_), obj, ..] if !obj.is_none() => Ok(super::attr::bound(f.clone(), obj.clone())),
        [f @ Value::Function(_), ..] => Ok(f.clone()),
        _ => Err(ts.type_error("descriptor '__get__' requires a 'function' object")),
    }
}
