package config

import "github.com/BurntSushi/toml"

// feeds reads the [feeds] table: how subscriptions are refreshed.
func (d *decoder) feeds(c *Config, key toml.Key, p toml.Primitive) error {
	sub, err := d.table(key, p)
	if err != nil {
		return err
	}
	for _, k := range d.ordered(sub) {
		key, p := append(key[:len(key):len(key)], k), sub[k]
		switch k {
		case "fetch_articles":
			v, err := d.value(key, p)
			if err != nil {
				return err
			}
			b, ok := v.(bool)
			if !ok {
				return d.errAt(key, p, typeError("true or false", v))
			}
			c.FetchArticles = b
		default:
			return d.errAt(key, p, ErrUnknownKey)
		}
	}
	return nil
}
